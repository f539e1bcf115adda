import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { LedgerModule } from '@vafa/ledger';
import { BirthdayJob } from './birthdays/birthday.job';
import { BirthdayScheduler } from './birthdays/birthday-scheduler';
import { MemberJobsController } from './birthdays/member-jobs.controller';
import { MeController } from './me.controller';
import { MemberViewRegistry } from './member-view.registry';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

@Module({
  imports: [DiscoveryModule, LedgerModule],
  controllers: [MembersController, MeController, MemberJobsController],
  providers: [MembersService, MemberViewRegistry, BirthdayJob, BirthdayScheduler],
  exports: [MembersService, MemberViewRegistry],
})
export class MembersModule {}
