import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@vafa/platform';
import { REFERRAL_STATUSES, ReferralStatus } from './referral.entity';

export class ReferralQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES, example: 'held' })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  status?: string;
}

/** One referred member and how their referral stands, for staff. */
export class ReferralDto {
  @ApiProperty({ example: '6f1c2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11', description: 'The new member' })
  refereeId!: string;
  @ApiProperty({ example: '2a9e6b7d-4a53-4d5e-8b9f-6f1e2c116f1c', description: 'Who referred' })
  referrerId!: string;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' }) joinedAt!: string;
  @ApiProperty({ enum: REFERRAL_STATUSES, example: 'held' }) status!: string;
  @ApiProperty({ nullable: true, type: String, example: 'more than 5 referrals in 24 h' })
  holdReason!: string | null;
  @ApiProperty({ example: false, description: 'Approved by staff after a hold' })
  approved!: boolean;
  @ApiProperty({ example: true, description: 'A qualifying purchase has been made' })
  qualified!: boolean;
}

export class ReferralPageDto {
  @ApiProperty({ type: [ReferralDto] }) items!: ReferralDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}

export class ReferredMemberDto {
  @ApiProperty({ example: '6f1c2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11' }) memberId!: string;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' }) joinedAt!: string;
  @ApiProperty({ enum: REFERRAL_STATUSES, example: 'rewarded' }) status!: ReferralStatus;
}

/** The member's own referral code, share link and the members they referred. */
export class MyReferralDto {
  @ApiProperty({ example: 'K7M2Q9XD' }) code!: string;
  @ApiProperty({ example: 'https://shop.example/join?ref=K7M2Q9XD' }) link!: string;
  @ApiProperty({ example: true, description: 'Whether the referral program is running' })
  active!: boolean;
  @ApiProperty({ type: [ReferredMemberDto], description: 'Newest first' })
  referred!: ReferredMemberDto[];
  @ApiProperty({ example: 500, description: 'Points earned from rewarded referrals' })
  pointsEarned!: number;
}
