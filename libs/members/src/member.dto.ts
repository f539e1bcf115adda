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
} from 'class-validator';
import { PageQuery } from '@vafa/platform';
import { Channel, CHANNELS } from './member.entity';
import { PHONE_PATTERN } from './member-identity';

const trimmed = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

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

  @ApiPropertyOptional({ example: '+98 912 000 1234' })
  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'phone must be 6 to 15 digits, optionally starting with +' })
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

export class MemberLookupQuery extends PageQuery {
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
  @ApiProperty({ example: { code: 'base', name: 'Member' }, nullable: true, type: Object })
  tier!: { code: string; name: string } | null;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' }) joinedAt!: string;
}

export class MemberPageDto {
  @ApiProperty({ type: [MemberDto] }) items!: MemberDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}

export class MemberTokenDto {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIs...' }) token!: string;
  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' }) expiresAt!: string;
}
