import { ApiProperty } from '@nestjs/swagger';
import { EventData, MemberEventData } from '@vafa/platform';

const REFERRER = '6f1c2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11';
const REFEREE = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

/** A referral's events are the referrer's: `memberId` is the referrer's id. */
class ReferralEventData extends MemberEventData {
  @ApiProperty({ description: 'The member who shared their code (= memberId)', example: REFERRER })
  referrerId!: string;

  @ApiProperty({ description: 'The friend who enrolled with it', example: REFEREE })
  refereeId!: string;
}

@EventData('referral.qualified')
export class ReferralQualifiedEventData extends ReferralEventData {
  @ApiProperty({
    description: "The referee's first purchase of at least the qualifying spend",
    example: 'POS-1-000123',
  })
  orderId!: string;

  @ApiProperty({ example: '9d3c1b2a-7e6f-4d5c-8b9a-0f1e2d3c4b5a' }) checkoutId!: string;

  @ApiProperty({
    description:
      'True when the referral is held for review: it is paid (referral.rewarded) once approved',
    example: false,
  })
  held!: boolean;
}

@EventData('referral.rewarded')
export class ReferralRewardedEventData extends ReferralEventData {
  @ApiProperty({ type: String, nullable: true, example: 'POS-1-000123' })
  orderId!: string | null;

  @ApiProperty({ description: 'Welcome points credited to the referee', example: 200 })
  refereePoints!: number;

  @ApiProperty({
    description: 'Points credited to the referrer (0 past their cap of paid referrals)',
    example: 500,
  })
  referrerPoints!: number;

  @ApiProperty({ type: String, nullable: true, example: '0f3b6c2e-8a41-4d7e-9b15-2c6d8e9f0a1b' })
  refereeTransactionId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b' })
  referrerTransactionId!: string | null;
}

@EventData('referral.held')
export class ReferralHeldEventData extends ReferralEventData {
  @ApiProperty({
    description: 'Why it waits for review (POST /v1/referrals/{refereeId}/approve or /reject)',
    example: 'more than 5 referrals in 24 h',
  })
  reason!: string;
}
