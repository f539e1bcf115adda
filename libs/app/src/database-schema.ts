import {
  ApiKeyEntity,
  AuditEntryEntity,
  DatabaseSchema,
  EventEntity,
  IdempotentRequestEntity,
  MemberEventSequenceEntity,
  PlatformSettingEntity,
  StaffSessionEntity,
  StaffUserEntity,
} from '@vafa/platform';
import { LEDGER_ENTITIES } from '@vafa/ledger';
import { MEMBER_ENTITIES } from '@vafa/members';
import { POINTS_ENTITIES } from '@vafa/points';
import { REWARD_ENTITIES } from '@vafa/rewards';
import { TIER_ENTITIES } from '@vafa/tiers';
import { INSIGHT_ENTITIES } from '@vafa/insights';
import { REFERRAL_ENTITIES } from '@vafa/referral';
import { CAMPAIGN_ENTITIES } from '@vafa/campaigns';
import { WEBHOOK_ENTITIES } from '@vafa/webhooks';
import { MIGRATIONS } from '../../../migrations';

/** Every entity and migration of the platform: shared by the servers, the CLI and the tests. */
export const DATABASE_SCHEMA: DatabaseSchema = {
  entities: [
    ApiKeyEntity,
    AuditEntryEntity,
    PlatformSettingEntity,
    StaffUserEntity,
    StaffSessionEntity,
    IdempotentRequestEntity,
    EventEntity,
    MemberEventSequenceEntity,
    ...MEMBER_ENTITIES,
    ...LEDGER_ENTITIES,
    ...POINTS_ENTITIES,
    ...TIER_ENTITIES,
    ...INSIGHT_ENTITIES,
    ...REFERRAL_ENTITIES,
    ...CAMPAIGN_ENTITIES,
    ...REWARD_ENTITIES,
    ...WEBHOOK_ENTITIES,
  ],
  migrations: MIGRATIONS,
};
