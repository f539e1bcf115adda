export * from './referral-program.entity';
export * from './referral.entity';
export * from './referral-events.dto';

import { ReferralProgramEntity } from './referral-program.entity';
import { ReferralEntity } from './referral.entity';

export const REFERRAL_ENTITIES = [ReferralProgramEntity, ReferralEntity];
export * from './referral.errors';
export * from './referral.module';
