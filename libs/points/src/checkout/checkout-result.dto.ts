import { ApiProperty } from '@nestjs/swagger';
import type { CheckoutResult } from './checkout-result';
import type { ReturnResult } from '../returns/return-order.usecase';

/** A member's points after a write. */
export class PointsBalanceDto {
  @ApiProperty({ example: 700 }) available!: number;
  @ApiProperty({ example: 40 }) pending!: number;
}

export class CheckoutTierDto {
  @ApiProperty({ example: 'gold' }) code!: string;
  @ApiProperty({ example: 'Gold' }) name!: string;
}

export class TierChangeDto {
  @ApiProperty({ nullable: true, type: String, example: 'member' }) from!: string | null;
  @ApiProperty({ example: 'gold' }) to!: string;
}

export class AppliedRuleDto {
  @ApiProperty({ example: 'b1c2d3e4-0000-4000-8000-000000000001' }) ruleId!: string;
  @ApiProperty({ example: 'Double on coffee' }) name!: string;
  @ApiProperty({ example: 15 }) points!: number;
}

export class EarnedLineDto {
  @ApiProperty({ example: 0, description: "The line's position in the order's lines" })
  index!: number;
  @ApiProperty({ example: 'LATTE-L' }) sku!: string;
  @ApiProperty({ example: 5, description: 'Points from the base rate alone' }) basePoints!: number;
  @ApiProperty({ example: 15, description: 'Points the line earns, multipliers included' })
  points!: number;
  @ApiProperty({
    type: [String],
    example: ['b1c...', 'c2d...'],
    description:
      'Rules that gave this line points (ids as in appliedRules; the tier is "tier:<code>")',
  })
  appliedRuleIds!: string[];
}

export class AppliedCouponDto {
  @ApiProperty({ example: 'VAFA-7K2M9Q4XD1PZ' }) code!: string;
  @ApiProperty({ example: 500, description: 'Minor units taken off the order' }) discount!: number;
  @ApiProperty({ example: '5.00 off' }) description!: string;
}

export class CheckoutResultDto implements CheckoutResult {
  @ApiProperty({
    nullable: true,
    type: String,
    example: '5b8e7f0a-3d8c-4c1e-9a55-0f2d6c1b7e10',
    description: 'null for a simulation',
  })
  checkoutId!: string | null;
  @ApiProperty({ example: 'o-1001' }) orderId!: string;
  @ApiProperty({ example: '6f1c2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11' }) memberId!: string;
  @ApiProperty({ example: 3000 }) subtotal!: number;
  @ApiProperty({ example: 500 }) discount!: number;
  @ApiProperty({ example: 2500 }) total!: number;
  @ApiProperty({ example: 40 }) pointsEarned!: number;
  @ApiProperty({ example: 40 }) pointsPending!: number;
  @ApiProperty({ example: 500 }) pointsRedeemed!: number;
  @ApiProperty({ type: PointsBalanceDto }) balance!: PointsBalanceDto;
  @ApiProperty({ type: CheckoutTierDto, nullable: true }) tier!: CheckoutTierDto | null;
  @ApiProperty({
    type: TierChangeDto,
    nullable: true,
    description: 'The tier this order moved the member to, or null',
  })
  tierChanged!: TierChangeDto | null;
  @ApiProperty({ type: [AppliedRuleDto] }) appliedRules!: AppliedRuleDto[];
  @ApiProperty({
    type: [EarnedLineDto],
    description:
      "Each order line's points and the rules behind them; order bonuses (fixedPoints) are in appliedRules only",
  })
  lines!: EarnedLineDto[];
  @ApiProperty({ type: [AppliedCouponDto] }) coupons!: AppliedCouponDto[];
  @ApiProperty({
    type: [String],
    example: [
      '40 points are pending until 2026-12-08 (the return window).',
      "Welcome to Gold! The member's new tier starts now.",
    ],
    description: 'What the order caused, for the cashier to tell the member',
  })
  messages!: string[];
}

export class ReturnResultDto implements ReturnResult {
  @ApiProperty({ example: '0d2c7f1a-5b6e-4c3d-9a8b-7e6f5d4c3b2a' }) returnId!: string;
  @ApiProperty({ example: 'o-1001' }) orderId!: string;
  @ApiProperty({ example: 20 }) pointsReversed!: number;
  @ApiProperty({ example: 250 }) pointsRefunded!: number;
  @ApiProperty({ type: PointsBalanceDto }) balance!: PointsBalanceDto;
}
