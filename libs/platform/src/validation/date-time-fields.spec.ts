import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, validateSync } from 'class-validator';
import { IsDateOrDateTime } from '../http/report-period';
import { IsDateTimeWithZone } from './date-time-with-zone';
import { IsAfterField } from './is-after-field';
import { toBoolean } from './to-boolean';
import { trimmed } from './trimmed';

class Window {
  @IsOptional()
  @IsDateTimeWithZone()
  from?: unknown;

  @IsOptional()
  @IsDateTimeWithZone()
  @IsAfterField('from')
  until?: unknown;
}

class Period {
  @IsDateOrDateTime()
  at?: unknown;
}

class Search {
  @Transform(trimmed)
  @IsString()
  name?: unknown;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'active must be true or false' })
  active?: unknown;
}

const problems = <T extends object>(type: new () => T, plain: object): string[] =>
  validateSync(plainToInstance(type, plain)).flatMap((e) => Object.values(e.constraints ?? {}));

describe('the shared date-time validators', () => {
  it.each([
    '2026-12-01T00:00:00Z',
    '2026-12-01T08:00+03:30',
    '2026-12-01T08:00:00.123456789-05:00',
  ])('takes %s as a date-time with a zone', (from) => {
    expect(problems(Window, { from })).toEqual([]);
  });

  it.each([
    '2026-12-01',
    '2026-12-01T00:00:00',
    '2026-02-30T00:00:00Z',
    '2026-12-01 00:00:00Z',
    '2026-12-01T00:00:00+0330',
    20261201,
  ])('refuses %s with the message the API documents', (from) => {
    expect(problems(Window, { from })).toEqual([
      'from must be an ISO 8601 date-time with a time zone, e.g. 2026-12-01T00:00:00Z',
    ]);
  });

  it('wants the end strictly after the start as an instant, and says nothing while either is invalid', () => {
    const start = '2026-12-01T00:00:00Z';
    expect(problems(Window, { from: start, until: '2026-12-01T00:00:01Z' })).toEqual([]);
    expect(problems(Window, { from: start, until: start })).toEqual(['until must be after from']);
    // Compared as instants: 02:00 at +03:00 is an hour before midnight UTC.
    expect(problems(Window, { from: '2026-12-01T02:00:00+03:00', until: start })).toEqual([]);
    expect(problems(Window, { from: 'soon', until: start })).toHaveLength(1);
    expect(problems(Window, { until: start })).toEqual([]);
  });

  it('takes a calendar date or a date-time with a zone for a report period', () => {
    expect(problems(Period, { at: '1997-09-30' })).toEqual([]);
    expect(problems(Period, { at: '1997-09-30T18:00:00Z' })).toEqual([]);
    for (const at of ['1997-09-31', '1997-09-30T18:00:00', '1997-9-30']) {
      expect(problems(Period, { at })).toEqual([
        'at must be a date (2026-09-30) or an ISO 8601 date-time with a time zone (2026-09-30T18:00:00Z)',
      ]);
    }
  });
});

describe('the shared transforms', () => {
  it('trims strings and leaves everything else for the validators', () => {
    expect(plainToInstance(Search, { name: '  Sara  ' }).name).toBe('Sara');
    expect(problems(Search, { name: 42 })).toEqual(['name must be a string']);
  });

  it('reads true and false from a query string and refuses any other word', () => {
    expect(plainToInstance(Search, { name: 'x', active: 'true' }).active).toBe(true);
    expect(plainToInstance(Search, { name: 'x', active: 'false' }).active).toBe(false);
    expect(problems(Search, { name: 'x', active: 'yes' })).toEqual([
      'active must be true or false',
    ]);
  });
});
