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
  @ApiProperty({ example: '9d3c...' }) transactionId!: string;
  @ApiProperty({ example: '6f1c...' }) memberId!: string;
  @ApiProperty({ example: 500 }) points!: number;
  @ApiProperty({ enum: ADJUSTMENT_REASONS, example: 'goodwill' }) reason!: AdjustmentReason;
  @ApiProperty({ example: { available: 1700, pending: 0 } }) balance!: {
    available: number;
    pending: number;
  };
}
