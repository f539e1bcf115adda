import { ApiProperty } from '@nestjs/swagger';
import { REPORT_CALENDARS, type ReportCalendar } from '@vafa/platform';

export class ExpiryMonthDto {
  @ApiProperty({
    example: '2027-01',
    nullable: true,
    type: String,
    description: 'YYYY-MM in the calendar asked for (1405-09 is Azar 1405); null: never expire',
  })
  month!: string | null;
  @ApiProperty({
    example: '2027-01-01T00:00:00.000Z',
    nullable: true,
    type: String,
    description: "The instant the month starts in the program's time zone; null with month null",
  })
  start!: string | null;
  @ApiProperty({ example: 40000 }) points!: number;
}

export class LiabilityValueDto {
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: 120000, description: 'Minor units' }) available!: number;
  @ApiProperty({ example: 8000, description: 'Minor units' }) pending!: number;
  @ApiProperty({ example: 128000, description: 'Minor units' }) total!: number;
}

export class LiabilityReportDto {
  @ApiProperty({ example: 120000 }) available!: number;
  @ApiProperty({ example: 8000 }) pending!: number;
  @ApiProperty({ example: 0, description: 'Owed by members after returns of spent points' })
  owed!: number;
  @ApiProperty({ enum: REPORT_CALENDARS, example: 'gregorian', description: 'Of byExpiryMonth' })
  calendar!: ReportCalendar;
  @ApiProperty({
    type: [ExpiryMonthDto],
    description: 'Points by the month they expire in, months in order, never-expiring last',
  })
  byExpiryMonth!: ExpiryMonthDto[];
  @ApiProperty({ example: 200000 }) issued!: number;
  @ApiProperty({ example: 60000 }) redeemed!: number;
  @ApiProperty({ example: 12000, description: 'Expired unspent (breakage)' }) expired!: number;
  @ApiProperty({ example: 0 }) adjusted!: number;
  @ApiProperty({
    type: LiabilityValueDto,
    description: "Outstanding points in money at the program's redemption value",
  })
  value!: LiabilityValueDto;
  @ApiProperty({
    example: 0.1667,
    nullable: true,
    type: Number,
    description: 'expired ÷ (redeemed + expired), to 4 places; null before either',
  })
  breakageRate!: number | null;
}
