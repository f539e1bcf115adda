import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  IsReportCalendar,
  REPORT_CALENDARS,
  type ReportCalendar,
  ReportPeriodQuery,
} from '@vafa/platform';

/** The query string of GET /v1/reports/goodwill. */
export class GoodwillReportParamsDto extends ReportPeriodQuery {
  @IsReportCalendar()
  calendar?: ReportCalendar;

  @ApiPropertyOptional({
    example: 30,
    description: 'Days before and after each first grant to compare',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  windowDays?: number;
}

export class GoodwillMonthDto {
  @ApiProperty({
    example: '2026-11',
    description:
      "YYYY-MM in the calendar asked for, in the program's time zone (1405-09 is Azar 1405)",
  })
  month!: string;
  @ApiProperty({
    example: '2026-11-01T00:00:00.000Z',
    description: "The instant the month starts in the program's time zone",
  })
  start!: string;
  @ApiProperty({ example: 12 }) grants!: number;
  @ApiProperty({ example: 11, description: 'Distinct members who received goodwill' })
  members!: number;
  @ApiProperty({ example: 4800 }) points!: number;
}

export class GoodwillTicketDto {
  @ApiProperty({
    example: 'SUP-1042',
    nullable: true,
    type: String,
    description: 'null: grants given without a ticket',
  })
  ticketId!: string | null;
  @ApiProperty({ example: 1 }) grants!: number;
  @ApiProperty({ example: 500 }) points!: number;
}

export class GoodwillEffectDto {
  @ApiProperty({ example: 30 }) windowDays!: number;
  @ApiProperty({ example: 11, description: 'Members whose first grant falls in the period' })
  members!: number;
  @ApiProperty({
    example: 8,
    description: 'Of those, members whose after-window has fully passed: the ones compared',
  })
  observedMembers!: number;
  @ApiProperty({ example: 9 }) ordersBefore!: number;
  @ApiProperty({ example: 14 }) ordersAfter!: number;
  @ApiProperty({ example: 81000, description: 'Minor units' }) spendBefore!: number;
  @ApiProperty({ example: 126500, description: 'Minor units' }) spendAfter!: number;
}

export class GoodwillReportDto {
  @ApiProperty({ example: '2026-01-01T00:00:00.000Z' }) from!: string;
  @ApiProperty({ example: '2027-01-01T00:00:00.000Z', description: 'Exclusive' }) to!: string;
  @ApiProperty({ enum: REPORT_CALENDARS, example: 'gregorian', description: 'Of byMonth' })
  calendar!: ReportCalendar;
  @ApiProperty({ type: [GoodwillMonthDto], description: 'Months in order' })
  byMonth!: GoodwillMonthDto[];
  @ApiProperty({ type: [GoodwillTicketDto], description: 'Largest first, at most 200' })
  byTicket!: GoodwillTicketDto[];
  @ApiProperty({ type: GoodwillEffectDto }) effect!: GoodwillEffectDto;
}
