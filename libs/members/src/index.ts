export * from './events/member-events.dto';
export * from './birthdays/birthday-event.dto';
export * from './birthdays/birthday.job';
export * from './enrollment.seam';
export * from './member.dto';
export * from './member.entity';
export * from './member-identity.entity';
export * from './member-identity';
export * from './member-phone';
export * from './member-segment.seam';
export * from './member-view.seam';
export * from './members.errors';
export * from './members.module';
export * from './members.repository';
export * from './import/member-import.repository';

import { MemberEntity } from './member.entity';
import { MemberIdentityEntity } from './member-identity.entity';

export const MEMBER_ENTITIES = [MemberEntity, MemberIdentityEntity];
