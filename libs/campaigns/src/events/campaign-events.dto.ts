import { ApiProperty } from '@nestjs/swagger';
import { EventData, MemberEventData } from '@vafa/platform';
import { FulfilmentDto, REWARD_TYPES, type RewardType } from '@vafa/rewards';

const CAMPAIGN = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
const RUN = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';

/** What the member was given: points, or a catalog reward's coupon or perk. */
export class GiftGrantedDto {
  @ApiProperty({ enum: ['points', 'reward', 'perk'], example: 'reward' })
  type!: 'points' | 'reward' | 'perk';

  @ApiProperty({ type: Number, nullable: true, description: 'Points gifts', example: null })
  points!: number | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Points gifts: the ledger transaction',
    example: null,
  })
  transactionId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b' })
  rewardId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '8c1d2e3f-4a5b-4c6d-9e7f-0a1b2c3d4e5f' })
  redemptionId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'A book for the summer' })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true, enum: REWARD_TYPES, example: 'gift' })
  rewardType!: RewardType | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'For a coupon, its code (usable only by this member)',
    example: null,
  })
  code!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-08-02T10:15:30.000Z' })
  expiresAt!: string | null;
}

@EventData('campaign.gift_granted')
export class CampaignGiftGrantedEventData extends MemberEventData {
  @ApiProperty({ example: CAMPAIGN }) campaignId!: string;
  @ApiProperty({ example: 'Summer surprise for our best customers' }) campaignName!: string;
  @ApiProperty({ example: RUN }) runId!: string;
  @ApiProperty({ type: GiftGrantedDto }) gift!: GiftGrantedDto;

  @ApiProperty({
    type: FulfilmentDto,
    nullable: true,
    description:
      "For a physical gift or a perk (reward types gift, service_perk, free_product): what the shop's systems do, e.g. put the gift in the member's next parcel",
  })
  fulfilment!: FulfilmentDto | null;
}

export class SkippedReasonsDto {
  @ApiProperty({ example: 3, description: 'Not drawn (the campaign probability)' })
  chance!: number;

  @ApiProperty({ example: 1, description: 'Treated or held out within the cooldown' })
  cooldown!: number;

  @ApiProperty({ example: 0, description: 'Over the run or total budget' })
  budget!: number;

  @ApiProperty({ example: 0 }) reward_out_of_stock!: number;
  @ApiProperty({ example: 0 }) reward_not_found!: number;
}

@EventData('campaign.run_completed')
export class CampaignRunCompletedEventData {
  @ApiProperty({ example: CAMPAIGN }) campaignId!: string;
  @ApiProperty({ example: 'Summer surprise for our best customers' }) campaignName!: string;
  @ApiProperty({ example: RUN }) runId!: string;

  @ApiProperty({
    enum: ['schedule', 'manual', 'birthday'],
    description: "What started it: its schedule, staff (POST .../run), or members' birthdays",
    example: 'schedule',
  })
  trigger!: string;

  @ApiProperty({ example: '2026-05-04T02:00:00.000Z' }) startedAt!: string;
  @ApiProperty({ example: '2026-05-04T02:00:04.210Z' }) finishedAt!: string;
  @ApiProperty({ description: 'Members in the audience', example: 412 }) eligible!: number;
  @ApiProperty({ description: 'Kept out to measure uplift', example: 41 }) holdout!: number;
  @ApiProperty({ description: 'Members given the gift', example: 367 }) granted!: number;
  @ApiProperty({ example: 4 }) skipped!: number;
  @ApiProperty({ type: SkippedReasonsDto }) skippedReasons!: SkippedReasonsDto;

  @ApiProperty({ description: 'Points this run granted (0 for reward gifts)', example: 0 })
  pointsGranted!: number;
}
