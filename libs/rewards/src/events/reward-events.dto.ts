import { ApiProperty } from '@nestjs/swagger';
import { EventData, MemberEventData } from '@vafa/platform';
import { REWARD_TYPES, type RewardType } from '../catalog/reward.entity';

const REDEMPTION = '8c1d2e3f-4a5b-4c6d-9e7f-0a1b2c3d4e5f';
const REWARD = '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b';

export const FULFILMENT_METHODS = [
  'ship_with_next_order',
  'hand_over_in_store',
  'apply_at_checkout',
] as const;
export type FulfilmentMethod = (typeof FULFILMENT_METHODS)[number];

/** What the shop's systems do for a physical gift or a perk. */
export class FulfilmentDto {
  @ApiProperty({
    enum: FULFILMENT_METHODS,
    description:
      "ship_with_next_order: a gift to put in the member's next parcel; hand_over_in_store: a service perk given at the till (then POST /v1/rewards/redemptions/{id}/use); apply_at_checkout: a free product taken off when the member's coupon is used",
    example: 'ship_with_next_order',
  })
  method!: FulfilmentMethod;

  @ApiProperty({ example: REWARD }) rewardId!: string;
  @ApiProperty({ example: REDEMPTION }) redemptionId!: string;

  @ApiProperty({
    description: "The reward's name, and its perk text when it has one",
    example: 'A book for the summer: The Little Prince',
  })
  description!: string;
}

/** How each kind of physical gift or perk reaches the member; discounts need nothing. */
const FULFILMENT: Partial<Record<RewardType, FulfilmentMethod>> = {
  gift: 'ship_with_next_order',
  service_perk: 'hand_over_in_store',
  free_product: 'apply_at_checkout',
};

export function fulfilmentOf(issued: {
  type: RewardType;
  rewardId: string;
  redemptionId: string;
  name: string;
  perk?: string;
}): FulfilmentDto | null {
  const method = FULFILMENT[issued.type];
  if (!method) {
    return null;
  }
  return {
    method,
    rewardId: issued.rewardId,
    redemptionId: issued.redemptionId,
    description:
      issued.perk && issued.perk !== issued.name ? `${issued.name}: ${issued.perk}` : issued.name,
  };
}

export const REDEMPTION_CHANNELS = ['member', 'till', 'staff_grant'] as const;

@EventData('reward.redeemed')
export class RewardRedeemedEventData extends MemberEventData {
  @ApiProperty({ example: REDEMPTION }) redemptionId!: string;
  @ApiProperty({ example: REWARD }) rewardId!: string;
  @ApiProperty({ example: '5 € off your next order' }) name!: string;
  @ApiProperty({ enum: REWARD_TYPES, example: 'discount_amount' }) type!: RewardType;

  @ApiProperty({ description: 'Points spent on it (0 for a free grant)', example: 500 })
  pointsCost!: number;

  @ApiProperty({
    enum: REDEMPTION_CHANNELS,
    description: "The member's app, a cashier at the till, or a free grant by staff",
    example: 'member',
  })
  source!: (typeof REDEMPTION_CHANNELS)[number];

  @ApiProperty({ type: String, nullable: true, description: 'The till', example: null })
  storeId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The points.redeemed entry, when points were spent',
    example: '0f3b6c2e-8a41-4d7e-9b15-2c6d8e9f0a1b',
  })
  transactionId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "The coupon code, for coupon types: the merchant's messages and web shop hand it to the member; it is usable only by this member",
    example: 'VAFA-7Q2MXK4PH3RD',
  })
  code!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-08-02T10:15:30.000Z' })
  expiresAt!: string | null;

  @ApiProperty({
    type: FulfilmentDto,
    nullable: true,
    description: 'For gifts, service perks and free products: what the shop does',
  })
  fulfilment!: FulfilmentDto | null;
}

@EventData('coupon.used')
export class CouponUsedEventData extends MemberEventData {
  @ApiProperty({ example: REDEMPTION }) redemptionId!: string;
  @ApiProperty({ example: REWARD }) rewardId!: string;
  @ApiProperty({ example: 'VAFA-7Q2MXK4PH3RD' }) code!: string;
  @ApiProperty({ enum: REWARD_TYPES, example: 'discount_amount' }) type!: RewardType;

  @ApiProperty({ description: 'Minor units it took off the order', example: 500 })
  discount!: number;

  @ApiProperty({ example: 'POS-1-000123' }) orderId!: string;
  @ApiProperty({ example: '9d3c1b2a-7e6f-4d5c-8b9a-0f1e2d3c4b5a' }) checkoutId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'store-1' }) storeId!: string | null;
}

@EventData('coupon.expired')
export class CouponExpiredEventData extends MemberEventData {
  @ApiProperty({ example: REDEMPTION }) redemptionId!: string;
  @ApiProperty({ example: REWARD }) rewardId!: string;
  @ApiProperty({ example: '5 € off your next order' }) name!: string;

  @ApiProperty({
    enum: REWARD_TYPES,
    description: 'Coupons and unused perks both expire',
    example: 'discount_amount',
  })
  type!: RewardType;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Coupons only',
    example: 'VAFA-7Q2MXK4PH3RD',
  })
  code!: string | null;

  @ApiProperty({ example: '2026-08-02T10:15:30.000Z' }) expiredAt!: string;
}
