import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery, trimmed } from '@vafa/platform';
import { REWARD_TYPES, RewardType } from '../catalog/reward.entity';
import { REDEMPTION_STATUSES, RedemptionStatus } from './reward-redemption.entity';

export class RedemptionBalanceDto {
  @ApiProperty({ example: 700 }) available!: number;
  @ApiProperty({ example: 0 }) pending!: number;
}

export class RedemptionResultDto {
  @ApiProperty({ example: '0b7f6a43-6c1e-4a8e-9d0f-2f1d3c4b5a69' }) redemptionId!: string;
  @ApiProperty({ example: '3f6b1e2a-9c4d-4e8f-a1b2-7c9d0e1f2a3b' }) rewardId!: string;
  @ApiProperty({ example: '5.00 off your next order' }) name!: string;
  @ApiProperty({ enum: REWARD_TYPES, example: 'discount_amount' }) type!: RewardType;
  @ApiProperty({ example: 500 }) pointsSpent!: number;
  @ApiPropertyOptional({
    example: 'VAFA-7K2M9Q4XD1PZ',
    description: 'The coupon code (discount and free-product rewards)',
  })
  code?: string;
  @ApiPropertyOptional({
    example: 'Free tailoring consultation',
    description: 'What the member gets (service perks and gifts)',
  })
  perk?: string;
  @ApiPropertyOptional({ example: '2026-12-24T10:00:00.000Z' }) expiresAt?: string;
  @ApiProperty({ type: RedemptionBalanceDto }) balance!: RedemptionBalanceDto;
}

export class GrantRewardDto {
  @ApiProperty({ example: '6f1c2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11' })
  @IsUUID()
  memberId!: string;

  @ApiPropertyOptional({ example: 'service recovery: order arrived late' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;
}

export class GrantResultDto {
  @ApiProperty({ example: '0b7f6a43-6c1e-4a8e-9d0f-2f1d3c4b5a69' }) redemptionId!: string;
  @ApiProperty({ example: '3f6b1e2a-9c4d-4e8f-a1b2-7c9d0e1f2a3b' }) rewardId!: string;
  @ApiProperty({ example: 'Birthday coffee' }) name!: string;
  @ApiProperty({ enum: REWARD_TYPES, example: 'free_product' }) type!: RewardType;
  @ApiProperty({ example: 0 }) pointsSpent!: number;
  @ApiPropertyOptional({ example: 'VAFA-7K2M9Q4XD1PZ' }) code?: string;
  @ApiPropertyOptional({ example: 'Free tailoring consultation' }) perk?: string;
  @ApiPropertyOptional({ example: '2026-12-24T10:00:00.000Z' }) expiresAt?: string;
  @ApiProperty({ example: false, description: 'True when this key had already granted it' })
  replayed!: boolean;
}

export class CancelRedemptionDto {
  @ApiPropertyOptional({ example: 'Member asked to undo a mistaken redemption' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;
}

export class CancelRedemptionResultDto {
  @ApiProperty({ example: '0b7f6a43-6c1e-4a8e-9d0f-2f1d3c4b5a69' }) redemptionId!: string;
  @ApiProperty({ example: '6f1c2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11' }) memberId!: string;
  @ApiProperty({ example: '3f6b1e2a-9c4d-4e8f-a1b2-7c9d0e1f2a3b' }) rewardId!: string;
  @ApiProperty({ example: 'cancelled' }) status!: 'cancelled';
  @ApiProperty({ example: 500, description: 'Points given back to the lots they came from' })
  pointsRefunded!: number;
  @ApiProperty({ type: RedemptionBalanceDto }) balance!: RedemptionBalanceDto;
}

export class PerkListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REDEMPTION_STATUSES, example: 'active' })
  @IsOptional()
  @IsIn(REDEMPTION_STATUSES, {
    message: `status must be one of: ${REDEMPTION_STATUSES.join(', ')}`,
  })
  status?: RedemptionStatus;
}

export class PerkDto {
  @ApiProperty({
    example: '0b7f6a43-6c1e-4a8e-9d0f-2f1d3c4b5a69',
    description: 'The redemption id',
  })
  id!: string;
  @ApiProperty({ example: '3f6b1e2a-9c4d-4e8f-a1b2-7c9d0e1f2a3b' }) rewardId!: string;
  @ApiProperty({ example: '5.00 off your next order' }) name!: string;
  @ApiProperty({ enum: REWARD_TYPES, example: 'discount_amount' }) type!: RewardType;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string' }], example: 500 })
  value!: number | string;
  @ApiProperty({ nullable: true, type: String, example: 'VAFA-7K2M9Q4XD1PZ' }) code!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) perk!: string | null;
  @ApiProperty({ enum: REDEMPTION_STATUSES, example: 'active' }) status!: RedemptionStatus;
  @ApiProperty({ enum: ['redeem', 'grant'], example: 'redeem' }) source!: 'redeem' | 'grant';
  @ApiProperty({ example: 500 }) pointsSpent!: number;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' }) issuedAt!: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-24T10:00:00.000Z' })
  expiresAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) usedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) cancelledAt!: string | null;
}

export class PerkPageDto {
  @ApiProperty({ type: [PerkDto] }) items!: PerkDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}

export class MyRewardDto {
  @ApiProperty({ example: '3f6b1e2a-9c4d-4e8f-a1b2-7c9d0e1f2a3b' }) id!: string;
  @ApiProperty({ example: '5.00 off your next order' }) name!: string;
  @ApiProperty({ nullable: true, type: String, example: null }) description!: string | null;
  @ApiProperty({ enum: REWARD_TYPES, example: 'discount_amount' }) type!: RewardType;
  @ApiProperty({ example: 500 }) pointsCost!: number;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string' }], example: 500 })
  value!: number | string;
  @ApiProperty({ example: true, description: "The member's available points cover pointsCost" })
  affordable!: boolean;
  @ApiProperty({ nullable: true, type: Number, example: 12, description: 'null: unlimited' })
  stockRemaining!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 1 }) perMemberLimit!: number | null;
  @ApiProperty({ example: 0, description: 'How many times this member has redeemed it' })
  redeemedByMe!: number;
  @ApiProperty({
    example: true,
    description: 'Affordable, in stock and within the per-member limit',
  })
  redeemable!: boolean;
  @ApiProperty({ nullable: true, type: Number, example: 30 }) validDays!: number | null;
  @ApiProperty({ nullable: true, type: String, example: null }) activeUntil!: string | null;
}

export class MyRewardPageDto {
  @ApiProperty({ type: [MyRewardDto] }) items!: MyRewardDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}

export class ExpireCouponsResultDto {
  @ApiProperty({ example: true, description: 'false when another instance is already running it' })
  ran!: boolean;
  @ApiPropertyOptional({ example: 12, description: 'Coupons and perks marked expired' })
  expired?: number;
}
