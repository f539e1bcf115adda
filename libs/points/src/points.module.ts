import { Module } from '@nestjs/common';
import { LedgerModule } from '@vafa/ledger';
import { MembersModule } from '@vafa/members';
import { MemberActivityController, MyActivityController } from './activity/activity.controller';
import { AdjustPointsUseCase } from './adjustments/adjust-points.usecase';
import { AdjustmentsController } from './adjustments/adjustments.controller';
import { GoodwillReportController } from './adjustments/goodwill-report.controller';
import { GoodwillReportQuery } from './adjustments/goodwill-report.query';
import { EarningRulesController } from './earning-rules/earning-rules.controller';
import { EarningRulesService } from './earning-rules/earning-rules.service';
import { CheckoutQuoteService } from './checkout/checkout-quote.service';
import { CheckoutUseCase } from './checkout/checkout.usecase';
import { CouponHook } from './checkout/coupon.hook';
import { PurchaseHooks } from './checkout/purchase.hooks';
import { TierHook } from './checkout/tier.hook';
import { PosController } from './checkout/pos.controller';
import { MemberPointsView } from './member-points.view';
import { ReturnOrderUseCase } from './returns/return-order.usecase';

@Module({
  imports: [LedgerModule, MembersModule],
  controllers: [
    GoodwillReportController,
    AdjustmentsController,
    MemberActivityController,
    MyActivityController,
    PosController,
    EarningRulesController,
  ],
  providers: [
    AdjustPointsUseCase,
    MemberPointsView,
    CheckoutQuoteService,
    CheckoutUseCase,
    ReturnOrderUseCase,
    CouponHook,
    TierHook,
    PurchaseHooks,
    GoodwillReportQuery,
    EarningRulesService,
  ],
  exports: [CouponHook, TierHook, PurchaseHooks, EarningRulesService],
})
export class PointsModule {}
