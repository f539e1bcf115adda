import { Module } from '@nestjs/common';
import { LedgerModule } from '@vafa/ledger';
import { RewardsModule } from '@vafa/rewards';
import { CampaignResultsQuery } from './campaign-results.query';
import { CampaignScheduleJob } from './campaign-schedule.job';
import { AssignCampaignBatchUseCase } from './assign-campaign-batch.usecase';
import { CampaignsController } from './campaigns.controller';
import { CampaignsRepository } from './campaigns.repository';
import { RunMembersController } from './run-members.controller';
import { GrantCampaignGiftsUseCase } from './grant-campaign-gifts.usecase';
import { RunCampaignUseCase } from './run-campaign.usecase';
import { RunMembersExport } from './run-members.query';

@Module({
  imports: [LedgerModule, RewardsModule],
  controllers: [CampaignsController, RunMembersController],
  providers: [
    CampaignsRepository,
    RunCampaignUseCase,
    AssignCampaignBatchUseCase,
    GrantCampaignGiftsUseCase,
    CampaignResultsQuery,
    CampaignScheduleJob,
    RunMembersExport,
  ],
  exports: [RunCampaignUseCase],
})
export class CampaignsModule {}
