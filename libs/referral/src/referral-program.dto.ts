import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { BIGINT_MAX, INT_MAX, IsOmittable } from '@vafa/platform';

/**
 * PUT and PATCH of the referral program: the fields sent change, the rest stay. GET answers every
 * field, so its answer can be sent back as is.
 */
export class ReferralProgramDto {
  @ApiPropertyOptional({ example: true })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ example: 500, description: 'Points for the member who referred' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  referrerPoints?: number;

  @ApiPropertyOptional({ example: 250, description: 'Points for the new member' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  refereePoints?: number;

  @ApiPropertyOptional({
    example: 2000,
    description: 'The least one order must total, minor units',
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(BIGINT_MAX)
  qualifyingMinSpend?: number;

  @ApiPropertyOptional({ example: 10 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(100_000)
  maxReferralsPerMember?: number;

  @ApiPropertyOptional({
    example: 90,
    description: 'Days after joining for the first qualifying purchase',
  })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(3650)
  attributionDays?: number;

  @ApiPropertyOptional({
    example: 5,
    description: 'More referees than this within the window are held for review',
  })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(INT_MAX)
  velocityMax?: number;

  @ApiPropertyOptional({ example: 24 })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(8760)
  velocityWindowHours?: number;

  @ApiPropertyOptional({ example: 'https://shop.example/join' })
  @IsOmittable()
  @IsUrl({ require_tld: false })
  @MaxLength(2000)
  shareBaseUrl?: string;
}

/** The referral program as GET answers it: every setting. */
export class ReferralProgramViewDto {
  @ApiProperty({ example: true }) active!: boolean;
  @ApiProperty({ example: 500, description: 'Points for the member who referred' })
  referrerPoints!: number;
  @ApiProperty({ example: 250, description: 'Points for the new member' }) refereePoints!: number;
  @ApiProperty({ example: 2000, description: 'The least one order must total, minor units' })
  qualifyingMinSpend!: number;
  @ApiProperty({ example: 10 }) maxReferralsPerMember!: number;
  @ApiProperty({ example: 90, description: 'Days after joining for the first qualifying purchase' })
  attributionDays!: number;
  @ApiProperty({
    example: 5,
    description: 'More referees than this within the window are held for review',
  })
  velocityMax!: number;
  @ApiProperty({ example: 24 }) velocityWindowHours!: number;
  @ApiProperty({ example: 'https://shop.example/join' }) shareBaseUrl!: string;
}
