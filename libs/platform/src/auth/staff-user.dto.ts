import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsOmittable } from '../validation/omittable';
import { trimmed } from '../validation/trimmed';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-hashing';
import { STAFF_ROLES, StaffRole } from './principal';

const PASSWORD_DESCRIPTION = `${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters; stored only as an argon2id hash`;

export class CreateStaffUserDto {
  @ApiProperty({ example: 'sara@example.com', description: 'Unique, in any case' })
  @Transform(trimmed)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'Sara Ahmadi' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: STAFF_ROLES, example: 'marketer' })
  @IsIn(STAFF_ROLES)
  role!: StaffRole;

  @ApiPropertyOptional({ example: 'store-12', description: 'Required for cashiers' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  storeId?: string;

  @ApiProperty({ example: 'correct-horse-battery', description: PASSWORD_DESCRIPTION })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

export class PatchStaffUserDto {
  @ApiPropertyOptional({ example: 'Sara Ahmadi' })
  @IsOmittable()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES, example: 'cashier' })
  @IsOmittable()
  @IsIn(STAFF_ROLES)
  role?: StaffRole;

  @ApiPropertyOptional({
    example: 'store-12',
    nullable: true,
    type: String,
    description: 'Required for cashiers; null unbinds another role from its store',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  storeId?: string | null;

  @ApiPropertyOptional({
    example: true,
    description: 'A disabled user cannot sign in; their sessions end at once',
  })
  @IsOmittable()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({
    example: 'a-new-long-passphrase',
    description: `A new password (${PASSWORD_DESCRIPTION}); the user's sessions end at once`,
  })
  @IsOmittable()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password?: string;
}

export class StaffUserDto {
  @ApiProperty({ example: '5f1c2a9e-8b7d-4c3e-9a1f-2b6d7e8f9a0b' }) id!: string;
  @ApiProperty({ example: 'sara@example.com', description: 'As stored: lower case' })
  email!: string;
  @ApiProperty({ example: 'Sara Ahmadi' }) name!: string;
  @ApiProperty({ enum: STAFF_ROLES, example: 'marketer' }) role!: StaffRole;
  @ApiProperty({ example: null, nullable: true, type: String }) storeId!: string | null;
  @ApiProperty({ example: false }) disabled!: boolean;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' }) updatedAt!: string;
  @ApiProperty({ example: '2026-11-25T08:30:00.000Z', nullable: true, type: String })
  lastSignInAt!: string | null;
}

export class StaffUserPageDto {
  @ApiProperty({ type: [StaffUserDto] }) items!: StaffUserDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}
