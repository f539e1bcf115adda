import {
  floorMulDiv,
  floorMulDivWithRemainder,
  proportionalShare,
  toScaledDecimal,
} from './integer-math';

describe('toScaledDecimal', () => {
  test.each([
    [0.1, 1000],
    [0.57, 5700],
    [1.5, 15000],
    [1.0005, 10005],
    [0.00004, 0],
    [Number.NaN, 0],
  ])('%p -> %p', (value, scaled) => {
    expect(toScaledDecimal(value)).toBe(scaled);
  });
});

describe('floorMulDiv', () => {
  test('is exact where floats are not', () => {
    expect(floorMulDiv(1999, 1000, 10_000)).toBe(199);
    expect(floorMulDiv(100, 5700, 10_000)).toBe(57);
  });

  test('stays exact beyond 2^53', () => {
    expect(floorMulDiv(9_007_199_254_740_991, 10_000, 10_000)).toBe(9_007_199_254_740_991);
  });

  test('floors toward negative infinity with a non-negative remainder', () => {
    expect(floorMulDivWithRemainder(-7, 1, 2)).toEqual({ quotient: -4, remainder: 1 });
    expect(floorMulDivWithRemainder(7, 1, 2)).toEqual({ quotient: 3, remainder: 1 });
  });

  test('rejects fractions and a zero divisor', () => {
    expect(() => floorMulDiv(1.5, 1, 1)).toThrow(RangeError);
    expect(() => floorMulDiv(1, 1, 0)).toThrow(RangeError);
  });
});

describe('proportionalShare', () => {
  test('floors the proportional share', () => {
    expect(proportionalShare(100, 1, 3)).toBe(33);
    expect(proportionalShare(31, 1999, 3224)).toBe(19);
  });

  test('never exceeds the total and handles an empty whole', () => {
    expect(proportionalShare(100, 500, 300)).toBe(100);
    expect(proportionalShare(100, -5, 300)).toBe(0);
    expect(proportionalShare(100, 1, 0)).toBe(0);
  });
});
