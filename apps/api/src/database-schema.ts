import { ApiKeyEntity, DatabaseSchema, PlatformSettingEntity } from '@vafa/platform';
import { MemberEntity } from '@vafa/members';
import { MIGRATIONS } from '../../../migrations';

/** Every entity and migration of the platform: shared by the servers, the CLI and the tests. */
export const DATABASE_SCHEMA: DatabaseSchema = {
  entities: [ApiKeyEntity, PlatformSettingEntity, MemberEntity],
  migrations: MIGRATIONS,
};
