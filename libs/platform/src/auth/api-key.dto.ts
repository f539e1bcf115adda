import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { STAFF_ROLES, StaffRole } from './principal';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Front till, store 12' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: STAFF_ROLES, example: 'cashier' })
  @IsIn(STAFF_ROLES)
  role!: StaffRole;

  @ApiPropertyOptional({ example: 'store-12', description: 'Required for cashiers' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  storeId?: string;
}

export class ApiKeyDto {
  @ApiProperty({ example: '1b0c8a8e-3c1f-4d55-9a53-0f4a5a1c2b77' }) id!: string;
  @ApiProperty({ example: 'Front till, store 12' }) name!: string;
  @ApiProperty({ enum: STAFF_ROLES, example: 'cashier' }) role!: StaffRole;
  @ApiProperty({ example: 'store-12', nullable: true, type: String }) storeId!: string | null;
  @ApiProperty({ example: 'vafa_sk_Xb3k9Q' }) prefix!: string;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: null, nullable: true, type: String }) revokedAt!: string | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ example: 'vafa_sk_Xb3k9Q...', description: 'Shown only in this response' })
  key!: string;
}

export class ApiKeyPageDto {
  @ApiProperty({ type: [ApiKeyDto] }) items!: ApiKeyDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}
