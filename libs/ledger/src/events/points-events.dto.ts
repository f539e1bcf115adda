import { ApiProperty } from '@nestjs/swagger';
import { EventData, MemberEventData } from '@vafa/platform';

const TX = '0f3b6c2e-8a41-4d7e-9b15-2c6d8e9f0a1b';

/** The member's points right after the change the event describes. */
export class EventBalanceDto {
  @ApiProperty({ example: 1240 }) available!: number;
  @ApiProperty({ example: 45 }) pending!: number;
}

class LedgerEntryEventData extends MemberEventData {
  @ApiProperty({ description: 'The ledger transaction (as in the member activity)', example: TX })
  transactionId!: string;

  @ApiProperty({ type: EventBalanceDto, description: "The member's points after it" })
  balance!: EventBalanceDto;
}

export class EarnedRuleDto {
  @ApiProperty({ example: '2d4c6b8a-1e3f-4a5b-9c7d-0e1f2a3b4c5d' }) ruleId!: string;
  @ApiProperty({ example: 'Double on coffee' }) name!: string;
  @ApiProperty({ example: 20 }) points!: number;
}

export const EARN_SOURCES = ['checkout', 'import'] as const;

@EventData('points.earned')
export class PointsEarnedEventData extends LedgerEntryEventData {
  @ApiProperty({ description: 'Points earned on the order (all of them)', example: 45 })
  points!: number;

  @ApiProperty({
    description: 'How many of them are pending (the return window) until `availableAt`',
    example: 45,
  })
  pendingPoints!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'When pending points become available (points.pending_released); null: at once',
    example: '2026-05-18T10:15:30.000Z',
  })
  availableAt!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2027-05-04T10:15:30.000Z' })
  expiresAt!: string | null;

  @ApiProperty({
    enum: EARN_SOURCES,
    description: 'A checkout, or an order of the purchase history imported with --award-points',
    example: 'checkout',
  })
  source!: (typeof EARN_SOURCES)[number];

  @ApiProperty({ description: "The merchant's order id", example: 'POS-1-000123' })
  orderId!: string;

  @ApiProperty({ description: "Vafa's id of the checkout", example: TX })
  checkoutId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'store-1' })
  storeId!: string | null;

  @ApiProperty({ enum: ['store', 'online', 'app'], example: 'store' })
  channel!: string;

  @ApiProperty({ type: [EarnedRuleDto], description: 'The earning rules that applied' })
  appliedRules!: EarnedRuleDto[];
}

export const REDEEM_SOURCES = ['checkout', 'reward'] as const;

@EventData('points.redeemed')
export class PointsRedeemedEventData extends LedgerEntryEventData {
  @ApiProperty({ description: 'Points spent (> 0)', example: 500 })
  points!: number;

  @ApiProperty({
    enum: REDEEM_SOURCES,
    description: 'Spent as money off an order at checkout, or on a catalog reward',
    example: 'checkout',
  })
  source!: (typeof REDEEM_SOURCES)[number];

  @ApiProperty({ type: String, nullable: true, example: 'POS-1-000123' })
  orderId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: TX })
  checkoutId!: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'At checkout: the minor units the points took off the order',
    example: 500,
  })
  discount!: number | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  rewardId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  redemptionId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The till', example: 'store-1' })
  storeId!: string | null;
}

export const REVERSAL_REASONS = ['return', 'redemption_cancelled', 'referral_return'] as const;
export type ReversalReason = (typeof REVERSAL_REASONS)[number];

@EventData('points.reversed')
export class PointsReversedEventData extends LedgerEntryEventData {
  @ApiProperty({ description: 'The earlier entry this one undoes (in part)', example: TX })
  reversedTransactionId!: string;

  @ApiProperty({
    enum: ['earned', 'spent'],
    description: 'Earned points taken back, or spent points given back',
    example: 'earned',
  })
  reversed!: 'earned' | 'spent';

  @ApiProperty({
    description:
      "The change to the member's points: negative when taken back, positive when given back",
    example: -20,
  })
  points!: number;

  @ApiProperty({
    description: 'Of points taken back, how many were still pending',
    example: 20,
  })
  pendingPoints!: number;

  @ApiProperty({
    enum: REVERSAL_REASONS,
    description:
      'return: items of the order were returned; redemption_cancelled: an unused reward was cancelled; referral_return: the qualifying order of a referral was returned',
    example: 'return',
  })
  reason!: ReversalReason;

  @ApiProperty({ type: String, nullable: true, example: 'POS-1-000123' })
  orderId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '5b2e7c1d-3f4a-4b6c-8d9e-1a2b3c4d5e6f' })
  returnId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  rewardId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  redemptionId!: string | null;
}

@EventData('points.adjusted')
export class PointsAdjustedEventData extends LedgerEntryEventData {
  @ApiProperty({ description: 'Positive: a credit; negative: a debit', example: 500 })
  points!: number;

  @ApiProperty({ enum: ['goodwill', 'correction', 'migration'], example: 'goodwill' })
  reason!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The support ticket (the staff note is not sent)',
    example: 'SUP-1042',
  })
  ticketId!: string | null;
}

@EventData('points.pending_released')
export class PointsPendingReleasedEventData extends LedgerEntryEventData {
  @ApiProperty({ description: 'Pending points that became available', example: 45 })
  points!: number;
}

@EventData('points.expired')
export class PointsExpiredEventData extends LedgerEntryEventData {
  @ApiProperty({ description: 'Points that expired (> 0)', example: 120 })
  points!: number;
}
