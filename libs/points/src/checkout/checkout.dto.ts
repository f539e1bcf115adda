import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CHANNELS, Channel } from '@vafa/members';
import { IsNestedObject, IsNestedObjectArray } from '@vafa/platform';

export class MemberRefDto {
  @ApiPropertyOptional({ example: '6f1c2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11' })
  @IsOptional()
  @Matches(/^[0-9a-f-]{36}$/i, { message: 'member.id must be a UUID' })
  id?: string;

  @ApiPropertyOptional({ example: '7426013370995412' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  cardNumber?: string;

  @ApiPropertyOptional({ example: '+989120001234' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;
}

export class CheckoutLineDto {
  @ApiProperty({ example: 'COF-250' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  sku!: string;

  @ApiPropertyOptional({ example: 'coffee' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  category?: string;

  @ApiProperty({ example: 2 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity!: number;

  @ApiProperty({ example: 1000, description: 'Minor units (cents)' })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  unitPrice!: number;
}

export class CheckoutDto {
  @ApiProperty({ type: MemberRefDto, description: 'Exactly one of id, cardNumber, phone' })
  @IsDefined()
  @IsNestedObject(() => MemberRefDto)
  member!: MemberRefDto;

  @ApiProperty({ example: 'o-1001' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  orderId!: string;

  @ApiPropertyOptional({ example: 'store-1', description: "Defaults to the cashier key's store" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  storeId?: string;

  @ApiProperty({ enum: CHANNELS, example: 'store' })
  @IsIn(CHANNELS)
  channel!: Channel;

  @ApiPropertyOptional({
    example: '2026-11-24T10:00:00Z',
    description:
      'When the purchase happened (default now; at most 10 minutes ahead). The return window ' +
      'runs from it, so an order recorded late is pending no longer than one recorded at once.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;

  @ApiProperty({ type: [CheckoutLineDto] })
  @IsNestedObjectArray(() => CheckoutLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  lines!: CheckoutLineDto[];

  @ApiPropertyOptional({ example: 500, description: 'Points to spend as a discount' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  redeemPoints?: number;

  @ApiPropertyOptional({ example: ['VAFA-7K2M-Q9XD'], type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  couponCodes?: string[];
}

export const CHECKOUT_EXAMPLE = {
  checkoutId: '5b8e7f0a-3d8c-4c1e-9a55-0f2d6c1b7e10',
  orderId: 'o-1001',
  memberId: '6f1c2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11',
  subtotal: 3000,
  discount: 500,
  total: 2500,
  pointsEarned: 40,
  pointsPending: 40,
  pointsRedeemed: 500,
  balance: { available: 700, pending: 40 },
  tier: { code: 'gold', name: 'Gold' },
  tierChanged: { from: 'member', to: 'gold' },
  appliedRules: [
    { ruleId: 'b1c...', name: 'Base: 1 point per dollar', points: 25 },
    { ruleId: 'c2d...', name: 'Double on coffee', points: 15 },
  ],
  lines: [
    { index: 0, sku: 'LATTE-L', basePoints: 10, points: 25, appliedRuleIds: ['b1c...', 'c2d...'] },
    { index: 1, sku: 'MUG', basePoints: 15, points: 15, appliedRuleIds: ['b1c...'] },
  ],
  coupons: [],
  messages: [
    '40 points are pending until 2026-12-08 (the return window).',
    "Welcome to Gold! The member's new tier starts now.",
  ],
};
