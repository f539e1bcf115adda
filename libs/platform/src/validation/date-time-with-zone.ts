import { isISO8601, ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';

/** An instant with an explicit zone: `2026-12-01T00:00:00Z`, `2026-12-01T08:00:00.000+03:30`. */
export const DATE_TIME_WITH_ZONE =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A calendar date alone: `2026-09-30`. */
export const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A string in the grammar given, a strict ISO 8601 value, on a real calendar day. */
export const isStrictInstant = (value: unknown, grammar: RegExp): value is string =>
  typeof value === 'string' &&
  grammar.test(value) &&
  isISO8601(value, { strict: true }) &&
  !Number.isNaN(Date.parse(value));

/** An ISO 8601 date-time with an explicit zone, on a real calendar day. */
export const isDateTimeWithZone = (value: unknown): value is string =>
  isStrictInstant(value, DATE_TIME_WITH_ZONE);

/** An ISO 8601 date-time with an explicit zone, on a real calendar day. */
export function IsDateTimeWithZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDateTimeWithZone',
      validator: {
        validate: (value: unknown) => isDateTimeWithZone(value),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'value'} must be an ISO 8601 date-time with a time zone, ` +
          'e.g. 2026-12-01T00:00:00Z',
      },
    },
    options,
  );
}
