import { Module } from '@nestjs/common';
import { LedgerModule } from '@vafa/ledger';
import { MembersModule } from '@vafa/members';
import { MemberActivityController, MyActivityController } from './activity/activity.controller';
import { AdjustPointsUseCase } from './adjustments/adjust-points.usecase';
import { AdjustmentsController } from './adjustments/adjustments.controller';
import { MemberPointsView } from './member-points.view';

@Module({
  imports: [LedgerModule, MembersModule],
  controllers: [AdjustmentsController, MemberActivityController, MyActivityController],
  providers: [AdjustPointsUseCase, MemberPointsView],
})
export class PointsModule {}
