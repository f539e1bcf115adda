export * from './referral-program.entity';
export * from './referral.entity';

import { ReferralProgramEntity } from './referral-program.entity';
import { ReferralEntity } from './referral.entity';

export const REFERRAL_ENTITIES = [ReferralProgramEntity, ReferralEntity];
export * from './referral.module';
