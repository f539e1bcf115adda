import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { LedgerModule } from '@vafa/ledger';
import { BirthdayJob } from './birthdays/birthday.job';
import { BirthdayScheduleJob } from './birthdays/birthday-schedule.job';
import { MemberJobsController } from './birthdays/member-jobs.controller';
import { EnrollmentSeam } from './enrollment.seam';
import { MeController } from './me.controller';
import { MemberSegmentSeam } from './member-segment.seam';
import { MemberViewSeam } from './member-view.seam';
import { MembersController } from './members.controller';
import { MembersRepository } from './members.repository';
import { MyProfileQuery } from './my-profile.query';

@Module({
  imports: [DiscoveryModule, LedgerModule],
  controllers: [MembersController, MeController, MemberJobsController],
  providers: [
    MembersRepository,
    MemberViewSeam,
    MyProfileQuery,
    EnrollmentSeam,
    MemberSegmentSeam,
    BirthdayJob,
    BirthdayScheduleJob,
  ],
  exports: [MembersRepository, MemberViewSeam],
})
export class MembersModule {}
