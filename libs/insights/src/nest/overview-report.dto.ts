import { ApiProperty } from '@nestjs/swagger';

export class OverviewMembersDto {
  @ApiProperty({ example: 1000, description: 'Members enrolled before `to`' }) total!: number;
  @ApiProperty({
    example: 420,
    description:
      'Members with a purchase (not returned in full) in the 90 days up to `to` or now, ' +
      'whichever is earlier',
  })
  active!: number;
  @ApiProperty({ example: 120, description: 'Members enrolled in [from, to)' }) new!: number;
}

export class OverviewPointsDto {
  @ApiProperty({ example: 200000, description: 'Issued by earning and campaigns, net of returns' })
  issued!: number;
  @ApiProperty({ example: 60000, description: 'Spent on orders and rewards, net of returns' })
  redeemed!: number;
  @ApiProperty({ example: 12000, description: 'Expired unspent (breakage)' }) expired!: number;
  @ApiProperty({ example: 500, description: 'Granted (+) or taken (−) by staff adjustments' })
  adjusted!: number;
}

export class OverviewValueDto {
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: 128000, description: 'Minor units, available and pending together' })
  total!: number;
}

export class OverviewOutstandingDto {
  @ApiProperty({ example: 120000 }) available!: number;
  @ApiProperty({ example: 8000 }) pending!: number;
  @ApiProperty({
    type: OverviewValueDto,
    description: "In money at the program's redemption value, as the liability report",
  })
  value!: OverviewValueDto;
}

export class OverviewReportDto {
  @ApiProperty({ example: '2026-01-01T00:00:00.000Z' }) from!: string;
  @ApiProperty({ example: '2027-01-01T00:00:00.000Z', description: 'Exclusive end' }) to!: string;
  @ApiProperty({ type: OverviewMembersDto }) members!: OverviewMembersDto;
  @ApiProperty({
    type: OverviewPointsDto,
    description: 'Program postings of transactions in [from, to), signed as the liability report',
  })
  points!: OverviewPointsDto;
  @ApiProperty({
    type: OverviewOutstandingDto,
    description: 'Points members hold now, whatever the period',
  })
  outstanding!: OverviewOutstandingDto;
}
