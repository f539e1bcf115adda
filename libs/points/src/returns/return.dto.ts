import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsNotEmpty,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsNestedObjectArray } from '@vafa/platform';

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
  @IsNestedObjectArray(() => ReturnLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  lines!: ReturnLineDto[];
}

export const RETURN_EXAMPLE = {
  returnId: '0d2c...',
  orderId: 'o-1001',
  pointsReversed: 20,
  pointsRefunded: 250,
  balance: { available: 930, pending: 20 },
};
