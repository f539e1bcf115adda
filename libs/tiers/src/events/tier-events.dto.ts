import { ApiProperty } from '@nestjs/swagger';
import { EventData, MemberEventData } from '@vafa/platform';

export class EventTierDto {
  @ApiProperty({ example: 'gold' }) code!: string;
  @ApiProperty({ example: 'Gold' }) name!: string;
}

export const TIER_CHANGE_REASONS = ['checkout', 'evaluation', 'manual'] as const;
export type TierChangeReason = (typeof TIER_CHANGE_REASONS)[number];

class TierChangeEventData extends MemberEventData {
  @ApiProperty({
    type: EventTierDto,
    description: 'The tier the member was in (the lowest for a member who never had one)',
  })
  from!: EventTierDto;

  @ApiProperty({ type: EventTierDto }) to!: EventTierDto;

  @ApiProperty({
    enum: TIER_CHANGE_REASONS,
    description:
      'checkout: a purchase crossed a threshold; evaluation: the nightly re-evaluation (or POST /v1/tiers/jobs/evaluate); manual: staff assigned it (their reason stays internal)',
    example: 'checkout',
  })
  reason!: TierChangeReason;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "At checkout: the merchant's order id",
    example: 'POS-1-000123',
  })
  orderId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '9d3c1b2a-7e6f-4d5c-8b9a-0f1e2d3c4b5a' })
  checkoutId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'A manual assignment held against downgrades until then',
    example: null,
  })
  heldUntil!: string | null;
}

@EventData('tier.upgraded')
export class TierUpgradedEventData extends TierChangeEventData {}

@EventData('tier.downgraded')
export class TierDowngradedEventData extends TierChangeEventData {}

export type TierChangeData = Omit<TierChangeEventData, 'memberSeq'>;
