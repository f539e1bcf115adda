import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy, ValidationArguments } from 'class-validator';
import { validationFailed } from '../platform.errors';
import {
  CALENDAR_DATE,
  isDateTimeWithZone,
  isStrictInstant,
} from '../validation/date-time-with-zone';
import { DAY_MS } from '../clock/days';

const YEAR_MS = 365 * DAY_MS;

/** A calendar date (`1997-09-30`, a whole UTC day) or a date-time with a zone. */
export function IsDateOrDateTime(): PropertyDecorator {
  return ValidateBy({
    name: 'isDateOrDateTime',
    validator: {
      validate: (value: unknown) =>
        isStrictInstant(value, CALENDAR_DATE) || isDateTimeWithZone(value),
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property ?? 'value'} must be a date (2026-09-30) or an ISO 8601 date-time with a ` +
        'time zone (2026-09-30T18:00:00Z)',
    },
  });
}

/** The start of a validated date or date-time. */
export const startOf = (value: string): Date => new Date(Date.parse(value));

/** The exclusive end of a validated value: a date covers its whole UTC day. */
export const exclusiveEndOf = (value: string): Date =>
  CALENDAR_DATE.test(value) ? new Date(Date.parse(value) + DAY_MS) : new Date(Date.parse(value));

/** The last instant a validated value covers: a date means the end of its UTC day. */
export const inclusiveEndOf = (value: string): Date =>
  new Date(exclusiveEndOf(value).getTime() - (CALENDAR_DATE.test(value) ? 1 : 0));

/** The period of a report: `from` inclusive, `to` exclusive (a date counts in full). */
export class ReportPeriodQuery {
  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'Start (inclusive; a date or a date-time with a zone); default a year before `to`',
  })
  @IsOptional()
  @IsDateOrDateTime()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description: 'End (a date counts in full, a date-time is exclusive); default now',
  })
  @IsOptional()
  @IsDateOrDateTime()
  to?: string;
}

export interface ReportPeriod {
  from: Date;
  /** Exclusive. */
  to: Date;
}

/** The instants a validated period means (default: the year up to `now`); from ≥ to is a 400. */
export function reportPeriod(query: ReportPeriodQuery, now: Date): ReportPeriod {
  const to = query.to !== undefined ? exclusiveEndOf(query.to) : now;
  const from = query.from !== undefined ? startOf(query.from) : new Date(to.getTime() - YEAR_MS);
  if (from >= to) {
    throw validationFailed('from must be before to.');
  }
  return { from, to };
}
