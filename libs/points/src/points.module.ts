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
import { EarningRulesRepository } from './earning-rules/earning-rules.repository';
import { CheckoutQuoteQuery } from './checkout/checkout-quote.query';
import { CheckoutBatchUseCase } from './checkout/batch/checkout-batch.usecase';
import { CheckoutUseCase } from './checkout/checkout.usecase';
import { CouponSeam } from './checkout/coupon.seam';
import { PurchaseSeam } from './checkout/purchase.seam';
import { TierSeam } from './checkout/tier.seam';
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
    CheckoutQuoteQuery,
    CheckoutBatchUseCase,
    CheckoutUseCase,
    ReturnOrderUseCase,
    CouponSeam,
    TierSeam,
    PurchaseSeam,
    GoodwillReportQuery,
    EarningRulesRepository,
  ],
  exports: [CouponSeam, TierSeam, PurchaseSeam, EarningRulesRepository],
})
export class PointsModule {}
