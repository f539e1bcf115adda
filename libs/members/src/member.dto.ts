import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQuery, trimmed } from '@vafa/platform';
import { Channel, CHANNELS } from './member.entity';
import { PHONE_PATTERN } from './member-phone';

const PHONE_DESCRIPTION =
  "Stored as E.164 (+989120001234). Without a country code (0912 000 1234) it is read in the program's defaultCountry; 400 PHONE_INVALID when it cannot be placed.";
const PHONE_FORMAT_MESSAGE = 'phone must be 6 to 30 digits, spaces, ( ) . - or +';

export class CreateMemberDto {
  @ApiPropertyOptional({ example: 'crm-10023', description: 'Your own id for this customer' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  externalId?: string;

  @ApiPropertyOptional({ example: 'sara@example.com' })
  @IsOptional()
  @Transform(trimmed)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ example: '+98 912 000 1234', description: PHONE_DESCRIPTION })
  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { message: PHONE_FORMAT_MESSAGE })
  phone?: string;

  @ApiPropertyOptional({ example: 'Sara Ahmadi' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: '1990-04-21', description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'birthDate must be a date as YYYY-MM-DD' })
  @Length(10, 10, { message: 'birthDate must be a date as YYYY-MM-DD' })
  birthDate?: string;

  @ApiPropertyOptional({ example: 'K7M2Q9XD', description: "The referring member's code" })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(4, 32)
  referralCode?: string;

  @ApiPropertyOptional({ enum: CHANNELS, example: 'store' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;
}

/** A partial change; `null` clears a field. Identities stay unique (409 MEMBER_EXISTS). */
export class UpdateMemberDto {
  @ApiPropertyOptional({ example: 'crm-10023', nullable: true, type: String })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  externalId?: string | null;

  @ApiPropertyOptional({ example: 'sara.ahmadi@example.com', nullable: true, type: String })
  @IsOptional()
  @Transform(trimmed)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(320)
  email?: string | null;

  @ApiPropertyOptional({
    example: '0912 000 1234',
    nullable: true,
    type: String,
    description: PHONE_DESCRIPTION,
  })
  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { message: PHONE_FORMAT_MESSAGE })
  phone?: string | null;

  @ApiPropertyOptional({ example: 'Sara Ahmadi', nullable: true, type: String })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string | null;

  @ApiPropertyOptional({
    example: '1990-04-21',
    nullable: true,
    type: String,
    description: 'YYYY-MM-DD',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'birthDate must be a date as YYYY-MM-DD' })
  @Length(10, 10, { message: 'birthDate must be a date as YYYY-MM-DD' })
  birthDate?: string | null;
}

export class MemberLookupQuery extends PageQuery {
  @ApiPropertyOptional({
    example: 'sara',
    description:
      'Search: a name (any part, any case), the start of an email, a phone (normalised like phone=) or the start of a card number; at least 2 characters',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: '+989120001234' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ example: 'sara@example.com' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ example: '7426000011112222' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  cardNumber?: string;

  @ApiPropertyOptional({ example: 'crm-10023' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  externalId?: string;

  @ApiPropertyOptional({
    example: 'champions',
    pattern: '^[a-z_]{1,40}$',
    description:
      'Members whose latest RFM scores put them in this segment (the segments of ' +
      'GET /v1/reports/segments: champions, loyal, potential_loyalist, …; another name is 400 ' +
      'VALIDATION_FAILED). For marketers and admins: 403 FORBIDDEN for other callers.',
  })
  @IsOptional()
  @Matches(/^[a-z_]{1,40}$/, { message: 'segment must be an RFM segment such as champions' })
  segment?: string;
}

export class MemberTierBenefitsDto {
  @ApiPropertyOptional({ example: 1.25 }) pointsMultiplier?: number;
  @ApiPropertyOptional({ example: ['free_delivery'], type: [String] }) perks?: string[];
}

export class MemberTierDto {
  @ApiProperty({ example: 'silver' }) code!: string;
  @ApiProperty({ example: 'Silver' }) name!: string;
  @ApiProperty({ type: MemberTierBenefitsDto }) benefits!: MemberTierBenefitsDto;
}

export class ExpiringPointsDto {
  @ApiProperty({ example: 300 }) points!: number;
  @ApiProperty({ example: '2026-12-31T00:00:00.000Z' }) expiresAt!: string;
}

export class MemberPointsDto {
  @ApiProperty({
    example: 1200,
    description: 'Spendable now; negative only after a return of spent points',
  })
  available!: number;
  @ApiProperty({ example: 80, description: 'Earned, not yet released (the return window)' })
  pending!: number;
  @ApiProperty({ example: 4100 }) lifetimeEarned!: number;
  @ApiProperty({ type: [ExpiringPointsDto], description: 'Expiring within 30 days' })
  expiringSoon!: ExpiringPointsDto[];
}

export class TierProgressDto {
  @ApiProperty({ example: 'gold' }) nextTier!: string;
  @ApiProperty({ example: 'spend', enum: ['points_earned', 'spend'] }) metric!: string;
  @ApiProperty({ example: 42000 }) current!: number;
  @ApiProperty({ example: 100000 }) required!: number;
  @ApiProperty({ example: 58000 }) remaining!: number;
  @ApiProperty({ example: '2027-11-24T00:00:00.000Z', nullable: true, type: String })
  windowEndsAt!: string | null;
}

export class MemberDto {
  @ApiProperty({ example: '6f1c2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11' }) id!: string;
  @ApiProperty({ example: 'crm-10023', nullable: true, type: String }) externalId!: string | null;
  @ApiProperty({ example: 'sara@example.com', nullable: true, type: String }) email!: string | null;
  @ApiProperty({ example: '+989120001234', nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ example: 'Sara Ahmadi', nullable: true, type: String }) name!: string | null;
  @ApiProperty({ example: '1990-04-21', nullable: true, type: String }) birthDate!: string | null;
  @ApiProperty({ example: '7426013370995412' }) cardNumber!: string;
  @ApiProperty({ example: 'K7M2Q9XD' }) referralCode!: string;
  @ApiProperty({ example: 'store', nullable: true, enum: CHANNELS }) channel!: Channel | null;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' }) joinedAt!: string;
  @ApiProperty({
    type: MemberTierDto,
    nullable: true,
    description: 'The lowest tier for a member who has no standing yet; null when no tiers exist',
  })
  tier!: MemberTierDto | null;
  @ApiProperty({ type: MemberPointsDto, description: 'The same numbers /v1/me shows' })
  points!: MemberPointsDto;
  @ApiPropertyOptional({
    type: TierProgressDto,
    nullable: true,
    description: 'Single-member answers only (not in lists); null at the top tier',
  })
  tierProgress?: TierProgressDto | null;
}

export class MemberPageDto {
  @ApiProperty({ type: [MemberDto] }) items!: MemberDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}

export class MemberTokenDto {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIs...' }) token!: string;
  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' }) expiresAt!: string;
}
