import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsUrl, Max, Min } from 'class-validator';

export class ReferralProgramDto {
  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ example: 500, description: 'Points for the member who referred' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  referrerPoints?: number;

  @ApiPropertyOptional({ example: 250, description: 'Points for the new member' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  refereePoints?: number;

  @ApiPropertyOptional({
    example: 2000,
    description: 'The least one order must total, minor units',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  qualifyingMinSpend?: number;

  @ApiPropertyOptional({ example: 10 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  maxReferralsPerMember?: number;

  @ApiPropertyOptional({
    example: 90,
    description: 'Days after joining for the first qualifying purchase',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  attributionDays?: number;

  @ApiPropertyOptional({
    example: 5,
    description: 'More referees than this within the window are held for review',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  velocityMax?: number;

  @ApiPropertyOptional({ example: 24 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(8760)
  velocityWindowHours?: number;

  @ApiPropertyOptional({ example: 'https://shop.example/join' })
  @IsOptional()
  @IsUrl({ require_tld: false })
  shareBaseUrl?: string;
}

export const REFERRAL_PROGRAM_EXAMPLE = {
  active: true,
  referrerPoints: 500,
  refereePoints: 250,
  qualifyingMinSpend: 2000,
  maxReferralsPerMember: 10,
  attributionDays: 90,
  velocityMax: 5,
  velocityWindowHours: 24,
  shareBaseUrl: 'https://shop.example/join',
};
