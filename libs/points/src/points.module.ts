import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
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
import { PointsMemberViewListener } from './points-member-view.listener';
import { ReturnOrderUseCase } from './returns/return-order.usecase';

@Module({
  imports: [DiscoveryModule, LedgerModule, MembersModule],
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
    PointsMemberViewListener,
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
