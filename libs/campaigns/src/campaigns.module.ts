import { Module } from '@nestjs/common';
import { LedgerModule } from '@vafa/ledger';
import { RewardsModule } from '@vafa/rewards';
import { CampaignResultsService } from './campaign-results.service';
import { CampaignScheduler } from './campaign-scheduler';
import { AssignCampaignBatchUseCase } from './assign-campaign-batch.usecase';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';
import { RunMembersController } from './run-members.controller';
import { GrantCampaignGiftsUseCase } from './grant-campaign-gifts.usecase';
import { RunCampaignUseCase } from './run-campaign.usecase';
import { RunMembersService } from './run-members.service';

@Module({
  imports: [LedgerModule, RewardsModule],
  controllers: [CampaignsController, RunMembersController],
  providers: [
    CampaignsService,
    RunCampaignUseCase,
    AssignCampaignBatchUseCase,
    GrantCampaignGiftsUseCase,
    CampaignResultsService,
    CampaignScheduler,
    RunMembersService,
  ],
  exports: [RunCampaignUseCase],
})
export class CampaignsModule {}
