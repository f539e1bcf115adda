import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { LedgerModule } from '@vafa/ledger';
import { BirthdayJob } from './birthdays/birthday.job';
import { BirthdayScheduleJob } from './birthdays/birthday-schedule.job';
import { MemberJobsController } from './birthdays/member-jobs.controller';
import { MeController } from './me.controller';
import { MemberViewSeam } from './member-view.seam';
import { MembersController } from './members.controller';
import { MembersRepository } from './members.repository';

@Module({
  imports: [DiscoveryModule, LedgerModule],
  controllers: [MembersController, MeController, MemberJobsController],
  providers: [MembersRepository, MemberViewSeam, BirthdayJob, BirthdayScheduleJob],
  exports: [MembersRepository, MemberViewSeam],
})
export class MembersModule {}
