import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditReport, Discrepancy } from './ledger-audit.query';

const DISCREPANCY_KINDS = [
  'account_balance',
  'lot_remaining',
  'lots_vs_balance',
  'unbalanced_transaction',
  'conservation',
] as const;

const AMOUNTS = { type: 'object', additionalProperties: { type: 'integer' } } as const;

export class DiscrepancyDto implements Discrepancy {
  @ApiProperty({ enum: DISCREPANCY_KINDS, example: 'account_balance' })
  kind!: Discrepancy['kind'];
  @ApiPropertyOptional({ example: '6f1c2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11' }) memberId?: string;
  @ApiPropertyOptional({ example: '0d2c7f1a-5b6e-4c3d-9a8b-7e6f5d4c3b2a' }) lotId?: string;
  @ApiPropertyOptional({ example: '9d3c1b2a-7e6f-4d5c-8b9a-0f1e2d3c4b5a' })
  transactionId?: string;
  @ApiProperty({
    ...AMOUNTS,
    description: 'What the append-only history says',
    example: { available: 1200, pending: 0 },
  })
  expected!: Record<string, number>;
  @ApiProperty({
    ...AMOUNTS,
    description: 'What the stored balance or lot holds',
    example: { available: 1100, pending: 0 },
  })
  actual!: Record<string, number>;
}

export class AuditReportDto implements AuditReport {
  @ApiProperty({ example: true, description: 'No discrepancy found' }) balanced!: boolean;
  @ApiProperty({ example: 1250 }) checkedAccounts!: number;
  @ApiProperty({ example: 5120 }) checkedLots!: number;
  @ApiProperty({ example: 9000 }) checkedTransactions!: number;
  @ApiProperty({
    type: [DiscrepancyDto],
    example: [],
    description: 'Up to 200 of each kind',
  })
  discrepancies!: DiscrepancyDto[];
}
