export * from './events/tier-events.dto';
export * from './downgrade-warning-event.dto';
export * from './member-tier.entity';
export * from './member-tier-code.query';
export * from './tier-lookup.query';
export * from './tier.entity';

import { MemberTierEntity } from './member-tier.entity';
import { TierEntity } from './tier.entity';

export const TIER_ENTITIES = [TierEntity, MemberTierEntity];
export * from './tier-evaluation.job';
export * from './tier-qualification';
export * from './tiers.errors';
export * from './tiers.module';
