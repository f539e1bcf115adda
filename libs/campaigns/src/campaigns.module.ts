import { Module } from '@nestjs/common';
import { LedgerModule } from '@vafa/ledger';
import { RewardsModule } from '@vafa/rewards';
import { CampaignResultsService } from './campaign-results.service';
import { CampaignRunner } from './campaign-runner';
import { CampaignScheduler } from './campaign-scheduler';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';
import { RunMembersController } from './run-members.controller';
import { RunMembersService } from './run-members.service';

@Module({
  imports: [LedgerModule, RewardsModule],
  controllers: [CampaignsController, RunMembersController],
  providers: [
    CampaignsService,
    CampaignRunner,
    CampaignResultsService,
    CampaignScheduler,
    RunMembersService,
  ],
  exports: [CampaignRunner],
})
export class CampaignsModule {}
