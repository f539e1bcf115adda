import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { REPORT_CALENDARS, type ReportCalendar } from './calendar-months';

/** The optional `calendar` of a report by month: what it means, and its check. */
export const IsReportCalendar = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      enum: REPORT_CALENDARS,
      default: 'gregorian',
      example: 'persian',
      description:
        "The calendar months are counted in, in the program's time zone (program settings " +
        '`timeZone`): `gregorian` (2026-11) or `persian`, the Solar Hijri calendar (1405-09 is ' +
        'Azar 1405)',
    }),
    IsOptional(),
    IsIn(REPORT_CALENDARS),
  );

export class ReportCalendarQuery {
  @IsReportCalendar()
  calendar?: ReportCalendar;
}
