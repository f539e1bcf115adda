import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  NotEquals,
} from 'class-validator';
import { PointsBalanceDto } from '../checkout/checkout-result.dto';

export const ADJUSTMENT_REASONS = ['goodwill', 'correction', 'migration'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

export class CreateAdjustmentDto {
  @ApiProperty({ example: 500, description: 'Positive credits, negative debits' })
  @IsInt()
  @NotEquals(0)
  @Min(-1_000_000_000)
  @Max(1_000_000_000)
  points!: number;

  @ApiProperty({ enum: ADJUSTMENT_REASONS, example: 'goodwill' })
  @IsIn(ADJUSTMENT_REASONS)
  reason!: AdjustmentReason;

  @ApiPropertyOptional({ example: 'Order arrived late; sorry!' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  note?: string;

  @ApiPropertyOptional({ example: 'SUP-1042' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  ticketId?: string;
}

export class AdjustmentResultDto {
  @ApiProperty({ example: '9d3c1b2a-7e6f-4d5c-8b9a-0f1e2d3c4b5a' }) transactionId!: string;
  @ApiProperty({ example: '6f1c2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11' }) memberId!: string;
  @ApiProperty({ example: 500 }) points!: number;
  @ApiProperty({ enum: ADJUSTMENT_REASONS, example: 'goodwill' }) reason!: AdjustmentReason;
  @ApiProperty({ type: PointsBalanceDto, description: "The member's points after it" })
  balance!: PointsBalanceDto;
}
