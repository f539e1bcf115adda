import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidationArguments,
  ValidationOptions,
} from 'class-validator';
import {
  IsAfterField,
  IsDateTimeWithZone,
  ActivePageQuery,
  ReadOnlyFields,
  trimmed,
} from '@vafa/platform';
import { REWARD_TYPES, RewardType } from './reward.entity';

const isWhole = (v: unknown, min: number, max: number): boolean =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;
const isText = (v: unknown, max: number): boolean =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= max;

/** What `value` must be for each reward type; null when it may be left out. */
const VALUE_RULES: Record<RewardType, { check: (v: unknown) => boolean; need: string | null }> = {
  discount_amount: {
    check: (v) => isWhole(v, 1, 1_000_000_000),
    need: 'a whole number of minor units from 1',
  },
  discount_percent: { check: (v) => isWhole(v, 1, 100), need: 'a whole percentage from 1 to 100' },
  free_product: { check: (v) => isText(v, 200), need: 'the SKU of the free product' },
  service_perk: { check: (v) => isText(v, 500), need: null },
  gift: { check: (v) => isText(v, 500), need: null },
};

export const valueRequirement = (type: RewardType): string =>
  VALUE_RULES[type].need ?? 'a description of the perk (text of up to 500 characters)';

/** `value` fits the sibling `type`; required except for service_perk and gift. */
function IsValueForType(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isValueForType',
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const type = (args?.object as { type?: unknown } | undefined)?.type;
          if (typeof type !== 'string' || !(REWARD_TYPES as readonly string[]).includes(type)) {
            return true;
          } // the type's own complaint
          const rule = VALUE_RULES[type as RewardType];
          if (value === undefined || value === null) {
            return rule.need === null;
          }
          return rule.check(value);
        },
        defaultMessage: (args?: ValidationArguments) => {
          const type = (args?.object as { type?: RewardType } | undefined)?.type;
          return type && VALUE_RULES[type]
            ? `value of a ${type} reward must be ${valueRequirement(type)}`
            : 'value is not valid for this type';
        },
      },
    },
    options,
  );
}

/** Body of POST and PUT: PUT replaces the whole reward, so omitted fields take their defaults. */
export class RewardInputDto {
  @ApiProperty({ example: '5.00 off your next order' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'Any purchase in store or online.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ enum: REWARD_TYPES, example: 'discount_amount' })
  @IsIn(REWARD_TYPES, { message: `type must be one of: ${REWARD_TYPES.join(', ')}` })
  type!: RewardType;

  @ApiProperty({ example: 500, minimum: 0, description: 'Points the member spends' })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  pointsCost!: number;

  @ApiPropertyOptional({
    oneOf: [{ type: 'integer' }, { type: 'string' }],
    example: 500,
    description:
      'discount_amount: minor units off (min(value, subtotal)); discount_percent: 1..100; ' +
      'free_product: the SKU (one unit free); service_perk, gift: what the member gets ' +
      '(defaults to the name)',
  })
  @IsValueForType()
  value?: number | string;

  @ApiPropertyOptional({
    type: 'integer',
    example: 100,
    minimum: 0,
    nullable: true,
    description:
      'Units offered in total; omitted or null: unlimited. Changing it moves the units left by ' +
      'the same amount (never below 0).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  stock?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    example: 1,
    minimum: 1,
    description: 'Redemptions per member; omitted or null: unlimited',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  perMemberLimit?: number | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['gold', 'platinum'],
    description: 'Tier codes that see and may redeem it; empty or omitted: everyone',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  tiers?: string[];

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    example: 30,
    minimum: 1,
    description: 'Days an issued coupon or perk lasts; omitted or null: until used',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  validDays?: number | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-12-01T00:00:00Z',
    description: 'Inclusive; omitted or null: no start',
  })
  @IsOptional()
  @IsDateTimeWithZone()
  activeFrom?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2027-01-01T00:00:00Z',
    description: 'Exclusive; after activeFrom; omitted or null: no end',
  })
  @IsOptional()
  @IsDateTimeWithZone()
  @IsAfterField('activeFrom')
  activeUntil?: string | null;

  @ApiPropertyOptional({ example: true, default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CreateRewardDto extends RewardInputDto {}

/** PUT: the whole reward. What GET answers can be sent back: its read-only fields are ignored. */
@ReadOnlyFields('id', 'stockRemaining', 'createdAt', 'updatedAt')
export class ReplaceRewardDto extends RewardInputDto {}

/** PATCH: the fields named replace the current ones; the result must be a valid reward. */
@ReadOnlyFields('id', 'stockRemaining', 'createdAt', 'updatedAt')
export class PatchRewardDto extends PartialType(RewardInputDto) {}

export class RewardListQuery extends ActivePageQuery {}

export class RewardDto {
  @ApiProperty({ example: '3f6b1e2a-9c4d-4e8f-a1b2-7c9d0e1f2a3b' }) id!: string;
  @ApiProperty({ example: '5.00 off your next order' }) name!: string;
  @ApiProperty({ nullable: true, type: String, example: null }) description!: string | null;
  @ApiProperty({ enum: REWARD_TYPES, example: 'discount_amount' }) type!: RewardType;
  @ApiProperty({ example: 500 }) pointsCost!: number;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string' }], example: 500 })
  value!: number | string;
  @ApiProperty({ nullable: true, type: Number, example: 100 }) stock!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 73 }) stockRemaining!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 1 }) perMemberLimit!: number | null;
  @ApiProperty({ type: [String], example: [] }) tiers!: string[];
  @ApiProperty({ nullable: true, type: Number, example: 30 }) validDays!: number | null;
  @ApiProperty({ nullable: true, type: String, example: null }) activeFrom!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) activeUntil!: string | null;
  @ApiProperty({ example: true }) active!: boolean;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' }) updatedAt!: string;
}

export class RewardPageDto {
  @ApiProperty({ type: [RewardDto] }) items!: RewardDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}
