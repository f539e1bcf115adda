import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { INT_MAX, IsOmittable } from '@vafa/platform';

const EXPIRY_REMINDER_DAYS =
  'Days before points expire that the member gets a `points.expiring_soon` event: 1 to 5 distinct whole days from 1 to 365, kept largest first. Each expiry date is announced once per threshold, at the tightest threshold it falls within.';
const DOWNGRADE_WARNING =
  'Days before a tier downgrade would take effect that the member gets a `tier.downgrade_warning` event (0 to 365; 0 = no warnings).';

/**
 * Body of PUT /v1/program: the fields it names change, the others stay (a partial body, as it
 * always was); what GET returns may be sent back whole.
 */
export class UpdateProgramDto {
  @ApiPropertyOptional({ example: 'Vafa Rewards' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'USD', description: 'ISO 4217 code' })
  @IsOmittable()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code' })
  currency?: string;

  @ApiPropertyOptional({
    example: 100,
    description: 'Minor units per major unit (100 for USD, 1 for JPY)',
  })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(10000)
  minorUnitsPerMajor?: number;

  @ApiPropertyOptional({
    example: 14,
    description: 'Days earned points stay pending (the return window)',
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(365)
  pointsPendingDays?: number;

  @ApiPropertyOptional({
    example: 365,
    description: 'Days after becoming available that points expire; 0 = never',
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(3650)
  pointsExpiryDays?: number;

  @ApiPropertyOptional({ example: 100, description: 'Redemption: this many points ...' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(INT_MAX)
  redemptionPoints?: number;

  @ApiPropertyOptional({
    example: 100,
    description: '... pay this many minor units (100 points = 1.00)',
  })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(INT_MAX)
  redemptionValue?: number;

  @ApiPropertyOptional({
    example: 50,
    description: 'The most of an order points may pay, in percent',
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(100)
  maxRedeemPercent?: number;

  @ApiPropertyOptional({
    example: 2000,
    description: 'Goodwill points one staff key may grant per day; 0 = no limit',
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(INT_MAX)
  goodwillDailyBudget?: number;

  @ApiPropertyOptional({
    example: 1000,
    description: 'Goodwill points one member may receive per month; 0 = no limit',
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(INT_MAX)
  goodwillMonthlyCap?: number;

  @ApiPropertyOptional({
    example: 'Asia/Tehran',
    description: 'IANA time zone for days of week and daily limits',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({
    example: 'IR',
    nullable: true,
    type: String,
    description:
      'ISO 3166 alpha-2 country of phones written without a country code (0912 000 1234 is read as +98 912 000 1234); null: every phone must carry its country code',
  })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'defaultCountry must be an ISO 3166 alpha-2 code such as IR' })
  defaultCountry?: string | null;

  @ApiPropertyOptional({
    example: [30, 7],
    type: [Number],
    minItems: 1,
    maxItems: 5,
    description: EXPIRY_REMINDER_DAYS,
  })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(365, { each: true })
  expiryReminderDays?: number[];

  @ApiPropertyOptional({ example: 14, minimum: 0, maximum: 365, description: DOWNGRADE_WARNING })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(365)
  tierDowngradeWarningDays?: number;
}

/** Body of PATCH /v1/program: the fields it names change; the result must be valid as a whole. */
export class PatchProgramDto extends PartialType(UpdateProgramDto) {}

/** The program's settings, as GET /v1/program returns them. */
export class ProgramSettingsDto {
  @ApiProperty({ example: 'Vafa Rewards' }) name!: string;
  @ApiProperty({ example: 'USD', description: 'ISO 4217 code' }) currency!: string;
  @ApiProperty({ example: 100, description: 'Minor units per major unit (100 for USD, 1 for JPY)' })
  minorUnitsPerMajor!: number;
  @ApiProperty({ example: 14, description: 'Days earned points stay pending (the return window)' })
  pointsPendingDays!: number;
  @ApiProperty({
    example: 365,
    description: 'Days after becoming available that points expire; 0 = never',
  })
  pointsExpiryDays!: number;
  @ApiProperty({ example: 100, description: 'Redemption: this many points ...' })
  redemptionPoints!: number;
  @ApiProperty({ example: 100, description: '... pay this many minor units' })
  redemptionValue!: number;
  @ApiProperty({ example: 50, description: 'The most of an order points may pay, in percent' })
  maxRedeemPercent!: number;
  @ApiProperty({
    example: 2000,
    description: 'Goodwill points one staff key may grant per day; 0 = no limit',
  })
  goodwillDailyBudget!: number;
  @ApiProperty({
    example: 1000,
    description: 'Goodwill points one member may receive per month; 0 = no limit',
  })
  goodwillMonthlyCap!: number;
  @ApiProperty({ example: 'UTC', description: 'IANA time zone for days of week and daily limits' })
  timeZone!: string;
  @ApiProperty({
    example: 'IR',
    nullable: true,
    type: String,
    description: 'ISO 3166 alpha-2 country of phones written without a country code',
  })
  defaultCountry!: string | null;
  @ApiProperty({ example: [30, 7], type: [Number], description: EXPIRY_REMINDER_DAYS })
  expiryReminderDays!: number[];
  @ApiProperty({ example: 14, description: DOWNGRADE_WARNING })
  tierDowngradeWarningDays!: number;
}
