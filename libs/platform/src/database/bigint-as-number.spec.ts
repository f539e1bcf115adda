import { bigintAsNumber } from './bigint-as-number';

describe('bigintAsNumber', () => {
  it('reads the string PostgreSQL sends for a bigint as a number, and null as null', () => {
    expect(bigintAsNumber.from('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(bigintAsNumber.from('-80')).toBe(-80);
    expect(bigintAsNumber.from(null)).toBeNull();
  });

  it('writes the number as it is', () => {
    expect(bigintAsNumber.to(500)).toBe(500);
    expect(bigintAsNumber.to(null)).toBeNull();
  });
});
