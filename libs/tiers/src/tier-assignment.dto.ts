import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { trimmed } from '@vafa/platform';

export class AssignTierDto {
  @ApiProperty({ example: 'gold' })
  @Matches(/^[a-z0-9_-]{1,40}$/, {
    message: 'tierCode must be 1-40 lower-case letters, digits, _ or -',
  })
  tierCode!: string;

  @ApiProperty({
    example: 'Status match: gold at a partner airline (ticket SUP-88)',
    description: 'Why; kept for staff, never shown to the member',
  })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional({
    example: 90,
    default: 0,
    description:
      'Days the nightly re-evaluation may not move the member down (upgrades still happen); 0: the usual rules apply from tonight, grace period first',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  holdDays?: number;
}

export class AssignedTierDto {
  @ApiProperty({ example: 'gold' }) code!: string;
  @ApiProperty({ example: 'Gold' }) name!: string;
}

export class TierAssignmentDto {
  @ApiProperty({ example: '6f1c2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11' }) memberId!: string;
  @ApiProperty({ type: AssignedTierDto }) tier!: AssignedTierDto;
  @ApiProperty({ example: 'silver', nullable: true, type: String }) previousTier!: string | null;
  @ApiProperty({ example: '2027-02-22T10:00:00.000Z', nullable: true, type: String })
  heldUntil!: string | null;
  @ApiProperty({ example: 'Status match: gold at a partner airline (ticket SUP-88)' })
  reason!: string;
}
