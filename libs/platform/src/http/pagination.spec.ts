import { DomainError } from '../errors/domain-error';
import { decodeCursor, encodeCursor } from './pagination';

describe('decodeCursor', () => {
  const ID = '6f1c2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11';
  const raw = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('gives back what encodeCursor made, position by position', () => {
    const at = '2026-11-24T10:00:00.123Z';
    expect(decodeCursor(encodeCursor([at, ID]), ['instant', 'uuid'])).toEqual([at, ID]);
    expect(decodeCursor(encodeCursor([500, ID]), ['int', 'uuid'])).toEqual([500, ID]);
    expect(
      decodeCursor(encodeCursor([at, '2026-11-24 10:00:00.123456+00', ID]), [
        'instant',
        'timestamp-text',
        'uuid',
      ]),
    ).toEqual([at, '2026-11-24 10:00:00.123456+00', ID]);
    expect(decodeCursor(undefined, ['int'])).toBeNull();
  });

  it.each([
    ['the right arity, the wrong types', raw(['x', 'y'])],
    ['a number for a time', raw([1, ID])],
    ['a day that does not exist', raw(['2026-02-30T00:00:00.000Z', ID])],
    ['year 0', raw(['0000-01-01T00:00:00.000Z', ID])],
    ['a time past year 9999', raw(['+275760-09-13T00:00:00.000Z', ID])],
    ['an id that is not a UUID', raw(['2026-11-24T10:00:00.123Z', 'x'])],
    ['the wrong arity', raw(['2026-11-24T10:00:00.123Z'])],
    ['not JSON', Buffer.from('nope').toString('base64url')],
  ])('refuses %s as 400', (_case, cursor) => {
    expect(() => decodeCursor(cursor, ['instant', 'uuid'])).toThrow(DomainError);
  });

  it('refuses an int cursor beyond a PostgreSQL integer', () => {
    expect(() => decodeCursor(raw([2 ** 31, ID]), ['int', 'uuid'])).toThrow(DomainError);
    expect(() => decodeCursor(raw([1.5, ID]), ['int', 'uuid'])).toThrow(DomainError);
  });

  it('keeps a bigint position as decimal text within a PostgreSQL bigint', () => {
    const position = '9223372036854775807';
    expect(decodeCursor(encodeCursor([position, ID]), ['bigint', 'uuid'])).toEqual([position, ID]);
    for (const bad of ['9223372036854775808', '-1', '1e3', 12, '']) {
      expect(() => decodeCursor(raw([bad, ID]), ['bigint', 'uuid'])).toThrow(DomainError);
    }
  });
});
