import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthIndicatorDto {
  @ApiProperty({ example: 'up', description: '`up` or `down`' }) status!: string;
  @ApiPropertyOptional({ example: 'timeout of 3000ms exceeded', description: 'Why it is down' })
  message?: string;
}

const INDICATORS = {
  type: 'object',
  additionalProperties: { $ref: '#/components/schemas/HealthIndicatorDto' },
} as const;

/** The answer of GET /health: each checked dependency by name (today: `database`). */
export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'], example: 'ok' }) status!: string;

  @ApiProperty({
    ...INDICATORS,
    description: 'Dependencies that are up',
    example: { database: { status: 'up' } },
  })
  info!: Record<string, HealthIndicatorDto>;

  @ApiProperty({ ...INDICATORS, description: 'Dependencies that are down', example: {} })
  error!: Record<string, HealthIndicatorDto>;

  @ApiProperty({
    ...INDICATORS,
    description: 'Every dependency checked',
    example: { database: { status: 'up' } },
  })
  details!: Record<string, HealthIndicatorDto>;
}
