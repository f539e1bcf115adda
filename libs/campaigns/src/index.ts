export * from './campaign-assignment.entity';
export * from './campaign-run.entity';
export * from './campaign.entity';
export * from './events/campaign-events.dto';

import { CampaignAssignmentEntity } from './campaign-assignment.entity';
import { CampaignRunEntity } from './campaign-run.entity';
import { CampaignEntity } from './campaign.entity';

export const CAMPAIGN_ENTITIES = [CampaignEntity, CampaignRunEntity, CampaignAssignmentEntity];
export * from './campaigns.errors';
export * from './campaigns.module';
export * from './run-campaign.usecase';
