import fc from 'fast-check';
import { parseOccurredAt } from './occurred-at';

/** The straightforward reading, through Date.parse: what parseOccurredAt must agree with. */
function referenceParse(value: string): Date | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
      value,
    );
  if (!m) {
    return null;
  }
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`) {
    return null;
  }
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return null;
  }
  const ms = fraction ? fraction.slice(1, 4).padEnd(3, '0') : '000';
  const offset = /^z$/i.test(zone) ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const time = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${offset}`);
  return Number.isNaN(time) ? null : new Date(time);
}

const digits = (n: number, max: number): fc.Arbitrary<string> =>
  fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'));

/** Mostly well-formed dates and times, with out-of-range fields, odd zones and garbage mixed in. */
const occurredAtText: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({
      year: fc.oneof(digits(4, 9999), fc.constantFrom('1900', '2000', '2024', '2100', '0099')),
      month: digits(2, 13),
      day: digits(2, 32),
      time: fc.option(
        fc.record({
          sep: fc.constantFrom('T', ' ', 't'),
          hour: digits(2, 25),
          minute: digits(2, 61),
          second: fc.option(digits(2, 61)),
          fraction: fc.option(fc.stringMatching(/^\.\d{1,9}$/)),
          zone: fc.option(
            fc.oneof(
              fc.constantFrom('Z', 'z'),
              fc
                .tuple(
                  fc.constantFrom('+', '-'),
                  digits(2, 25),
                  fc.constantFrom(':', ''),
                  digits(2, 61),
                )
                .map((parts) => parts.join('')),
            ),
          ),
        }),
      ),
    })
    .map(({ year, month, day, time }) => {
      const date = `${year}-${month}-${day}`;
      if (!time) {
        return date;
      }
      const seconds = time.second === null ? '' : `:${time.second}${time.fraction ?? ''}`;
      return `${date}${time.sep}${time.hour}:${time.minute}${seconds}${time.zone ?? ''}`;
    }),
  fc.string(),
);

describe('parseOccurredAt', () => {
  it.each([
    ['1997-01-01', '1997-01-01T00:00:00.000Z'],
    ['1997-01-01T10:30', '1997-01-01T10:30:00.000Z'],
    ['1997-01-01 10:30:15', '1997-01-01T10:30:15.000Z'],
    ['1997-01-01T10:30:15.1234Z', '1997-01-01T10:30:15.123Z'],
    ['1997-01-01T10:30:00+03:30', '1997-01-01T07:00:00.000Z'],
    ['1997-01-01T10:30:00-0500', '1997-01-01T15:30:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29', '2000-02-29T00:00:00.000Z'],
  ])('reads %s as %s', (input, expected) => {
    expect(parseOccurredAt(input)?.toISOString()).toBe(expected);
  });

  it.each([
    '',
    '19970101',
    '1997-02-30',
    '2023-02-29',
    '1900-02-29',
    '1997-13-01',
    '1997-00-10',
    '1997-01-00',
    '1997-01-01T24:00',
    '1997-01-01T10:30:00+24:00',
    '0099-01-01',
    '1/1/1997',
    'now',
  ])('refuses %j', (input) => {
    expect(parseOccurredAt(input)).toBeNull();
  });

  it('agrees with reading the same text through Date.parse', () => {
    fc.assert(
      fc.property(occurredAtText, (text) => {
        expect(parseOccurredAt(text)?.getTime() ?? null).toBe(
          referenceParse(text)?.getTime() ?? null,
        );
      }),
      { numRuns: 5_000 },
    );
  });
});
