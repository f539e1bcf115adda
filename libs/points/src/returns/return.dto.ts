import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class ReturnLineDto {
  @ApiProperty({ example: 'COF-250' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  sku!: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity!: number;
}

export class ReturnDto {
  @ApiProperty({ example: 'o-1001' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  orderId!: string;

  @ApiProperty({ type: [ReturnLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ReturnLineDto)
  lines!: ReturnLineDto[];
}

export const RETURN_EXAMPLE = {
  returnId: '0d2c...',
  orderId: 'o-1001',
  pointsReversed: 20,
  pointsRefunded: 250,
  balance: { available: 930, pending: 20 },
};
