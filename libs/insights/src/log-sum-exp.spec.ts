import { log1pExp, logAddExp, logSumExp } from './log-sum-exp';

describe('log-sum-exp helpers', () => {
  it('logAddExp is exact for moderate values and survives extreme ones', () => {
    expect(logAddExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 15);
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logAddExp(-1000, -1000)).toBeCloseTo(-1000 + Math.log(2), 12);
    expect(logAddExp(-Infinity, 3)).toBe(3);
    expect(logAddExp(3, -Infinity)).toBe(3);
    expect(logAddExp(-Infinity, -Infinity)).toBe(-Infinity);
  });

  it('logSumExp handles empty, infinite and large inputs', () => {
    expect(logSumExp([])).toBe(-Infinity);
    expect(logSumExp([-Infinity, -Infinity])).toBe(-Infinity);
    expect(logSumExp([800, 800, 800])).toBeCloseTo(800 + Math.log(3), 12);
    expect(logSumExp([Math.log(1), Math.log(2), Math.log(3)])).toBeCloseTo(Math.log(6), 15);
  });

  it('log1pExp matches log(1 + e^v) across the range', () => {
    expect(log1pExp(0)).toBeCloseTo(Math.log(2), 15);
    expect(log1pExp(800)).toBeCloseTo(800, 12);
    expect(log1pExp(-800)).toBe(0);
    expect(log1pExp(-30)).toBeCloseTo(Math.exp(-30), 25);
  });
});
