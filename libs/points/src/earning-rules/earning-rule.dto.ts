import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import {
  IsAfterField,
  IsDateTimeWithZone,
  MaxDecimalPlaces,
  ActivePageQuery,
  ReadOnlyFields,
  trimmed,
} from '@vafa/platform';
import type { Channel } from '../rules';

export const EARNING_RULE_CHANNELS: readonly Channel[] = ['store', 'online', 'app'];
export const EFFECT_KINDS = ['pointsPerUnit', 'multiplier', 'fixedPoints'] as const;

const MAX_LIST = 1000;
const MAX_CODE = 200;
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The effect object sets at least one of pointsPerUnit, multiplier and fixedPoints. */
function HasAnEffect(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'hasAnEffect',
      validator: {
        // Not an object at all is IsObject's complaint, not this one's.
        validate: (value: unknown) =>
          !isPlainObject(value) ||
          EFFECT_KINDS.some((kind) => value[kind] !== undefined && value[kind] !== null),
        defaultMessage: () => `effect must set at least one of ${EFFECT_KINDS.join(', ')}`,
      },
    },
    options,
  );
}

/** When the rule applies. Every condition is optional; an absent or empty list means "any". */
export class EarningRuleConditionsDto {
  @ApiPropertyOptional({
    enum: EARNING_RULE_CHANNELS,
    isArray: true,
    example: ['store', 'app'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(EARNING_RULE_CHANNELS.length)
  @ArrayUnique()
  @IsIn(EARNING_RULE_CHANNELS, {
    each: true,
    message: `each value in channels must be one of: ${EARNING_RULE_CHANNELS.join(', ')}`,
  })
  channels?: Channel[];

  @ApiPropertyOptional({ type: [String], example: ['store-1', 'store-7'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(MAX_CODE, { each: true })
  storeIds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['gold', 'platinum'], description: 'Tier codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(MAX_CODE, { each: true })
  tiers?: string[];

  @ApiPropertyOptional({ type: [String], example: ['coffee'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(MAX_CODE, { each: true })
  categories?: string[];

  @ApiPropertyOptional({ type: [String], example: ['LATTE-L', 'ESPRESSO'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(MAX_CODE, { each: true })
  skus?: string[];

  @ApiPropertyOptional({
    example: 2000,
    minimum: 0,
    description: 'Minor units (e.g. cents), compared with the order subtotal before discounts',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  minOrderTotal?: number;

  @ApiPropertyOptional({
    type: [Number],
    example: [6, 7],
    description: 'ISO weekdays, 1 = Monday … 7 = Sunday, in the program time zone',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  daysOfWeek?: number[];

  @ApiPropertyOptional({
    example: '2026-12-01T00:00:00.000Z',
    description: 'Inclusive; an ISO 8601 date-time with a time zone',
  })
  @IsOptional()
  @IsDateTimeWithZone()
  validFrom?: string;

  @ApiPropertyOptional({
    example: '2027-01-01T00:00:00.000Z',
    description: 'Exclusive; must be after validFrom',
  })
  @IsOptional()
  @IsDateTimeWithZone()
  @IsAfterField('validFrom')
  validUntil?: string;
}

/** What the rule gives. At least one of the three is required. */
export class EarningRuleEffectDto {
  @ApiPropertyOptional({
    example: 1.5,
    minimum: 0,
    description: 'Points per 1 major currency unit; up to 4 decimal places',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(4)
  @Min(0)
  @Max(1_000_000)
  pointsPerUnit?: number;

  @ApiPropertyOptional({
    example: 2,
    minimum: 1,
    description: 'Multiplies the base points of matching lines; up to 4 decimal places',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(4)
  @Min(1)
  @Max(1_000)
  multiplier?: number;

  @ApiPropertyOptional({ example: 50, minimum: 0, description: 'Whole points added per order' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  fixedPoints?: number;
}

export class EarningRuleLimitsDto {
  @ApiPropertyOptional({
    example: 1,
    minimum: 1,
    description:
      'How many orders a day this rule may apply to for one member (counted while the rule has this limit)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  perMemberPerDay?: number;
}

/** Body of POST and PUT: PUT replaces the whole rule, so omitted fields take their defaults. */
export class EarningRuleInputDto {
  @ApiProperty({ example: 'Double points on coffee weekends' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: true, default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    example: 10,
    default: 0,
    description: 'Higher runs first; a non-stackable rule blocks lower ones',
  })
  @IsOptional()
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  priority?: number;

  @ApiPropertyOptional({
    type: () => EarningRuleConditionsDto,
    example: { channels: ['store'], categories: ['coffee'], daysOfWeek: [6, 7] },
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => EarningRuleConditionsDto)
  conditions?: EarningRuleConditionsDto;

  @ApiProperty({
    type: () => EarningRuleEffectDto,
    example: { multiplier: 2 },
    description: `At least one of ${EFFECT_KINDS.join(', ')}`,
  })
  @IsDefined()
  @IsObject()
  @HasAnEffect()
  @ValidateNested()
  @Type(() => EarningRuleEffectDto)
  effect!: EarningRuleEffectDto;

  @ApiPropertyOptional({ example: true, default: true })
  @IsOptional()
  @IsBoolean()
  stackable?: boolean;

  @ApiPropertyOptional({ type: () => EarningRuleLimitsDto, example: { perMemberPerDay: 1 } })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => EarningRuleLimitsDto)
  limits?: EarningRuleLimitsDto;
}

export class CreateEarningRuleDto extends EarningRuleInputDto {}

/** Body of PUT: what GET returned may be sent back, its id and timestamps ignored. */
@ReadOnlyFields('id', 'createdAt', 'updatedAt')
export class ReplaceEarningRuleDto extends EarningRuleInputDto {}

/** Body of PATCH: the fields it names replace the rule's (nested objects as a whole). */
export class PatchEarningRuleDto extends PartialType(EarningRuleInputDto) {}

export class EarningRuleListQuery extends ActivePageQuery {}

export class EarningRuleDto {
  @ApiProperty({ example: '3f6b1e2a-9c4d-4e8f-a1b2-7c9d0e1f2a3b' }) id!: string;
  @ApiProperty({ example: 'Double points on coffee weekends' }) name!: string;
  @ApiProperty({ example: true }) active!: boolean;
  @ApiProperty({ example: 10 }) priority!: number;
  @ApiProperty({
    type: () => EarningRuleConditionsDto,
    example: { channels: ['store'], categories: ['coffee'], daysOfWeek: [6, 7] },
  })
  conditions!: EarningRuleConditionsDto;
  @ApiProperty({ type: () => EarningRuleEffectDto, example: { multiplier: 2 } })
  effect!: EarningRuleEffectDto;
  @ApiProperty({ example: true }) stackable!: boolean;
  @ApiProperty({
    type: () => EarningRuleLimitsDto,
    nullable: true,
    example: { perMemberPerDay: 1 },
  })
  limits!: EarningRuleLimitsDto | null;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' }) updatedAt!: string;
}

export class EarningRulePageDto {
  @ApiProperty({ type: [EarningRuleDto] }) items!: EarningRuleDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}
