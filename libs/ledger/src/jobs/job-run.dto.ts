import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What a ledger job triggered by hand did; `ran: false` when another instance was running it. */
export class LedgerJobRunDto {
  @ApiProperty({
    example: true,
    description: 'false when another instance holds the job lock; nothing was done',
  })
  ran!: boolean;
  @ApiPropertyOptional({ example: 12, description: 'Members whose points moved (when ran)' })
  members?: number;
  @ApiPropertyOptional({ example: 3400, description: 'Points moved (when ran)' })
  points?: number;
}
