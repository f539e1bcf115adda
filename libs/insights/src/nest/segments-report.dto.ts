import { ApiProperty } from '@nestjs/swagger';
import { RFM_SEGMENTS } from '../rfm-segments';

export class SegmentRevenueDto {
  @ApiProperty({ enum: RFM_SEGMENTS, example: 'champions' }) segment!: string;
  @ApiProperty({ example: 120, description: 'Members in the segment now' }) members!: number;
  @ApiProperty({
    example: 4200000,
    description: 'Their revenue in [from, to), net of returns, in minor units',
  })
  revenue!: number;
}

export class SegmentsReportDto {
  @ApiProperty({ example: '2026-01-01T00:00:00.000Z' }) from!: string;
  @ApiProperty({ example: '2027-01-01T00:00:00.000Z', description: 'Exclusive end' }) to!: string;
  @ApiProperty({
    example: '2f0c8a4e-4b4e-4a57-9a53-3f1e0b5c2d10',
    nullable: true,
    type: String,
    description: 'The model whose fit scored the members; null before the first fit',
  })
  modelId!: string | null;
  @ApiProperty({
    example: '1998-06-30T23:59:59.999Z',
    nullable: true,
    type: String,
    description: 'Purchases up to here were scored',
  })
  asOf!: string | null;
  @ApiProperty({ example: 2357, description: 'Members with scores' }) members!: number;
  @ApiProperty({
    type: [SegmentRevenueDto],
    description: 'Every RFM segment, in the order of the segment grid, zeros included',
    example: [
      { segment: 'champions', members: 120, revenue: 4200000 },
      { segment: 'loyal', members: 300, revenue: 3100000 },
    ],
  })
  segments!: SegmentRevenueDto[];
}
