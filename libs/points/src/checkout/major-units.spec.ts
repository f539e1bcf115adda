import { majorUnits } from './major-units';

describe('majorUnits', () => {
  it('writes as many decimals as the currency has', () => {
    expect(majorUnits(150, 100)).toBe('1.50');
    expect(majorUnits(1500, 1000)).toBe('1.500');
    expect(majorUnits(1005, 1000)).toBe('1.005');
    expect(majorUnits(150, 1)).toBe('150');
    expect(majorUnits(7, 10)).toBe('0.7');
  });

  it('is exact for amounts a float would round', () => {
    expect(majorUnits(900_719_925_474_099, 100)).toBe('9007199254740.99');
    expect(majorUnits(-1005, 1000)).toBe('-1.005');
  });

  it('writes a currency whose minor unit is not a power of ten as a rounded decimal', () => {
    expect(majorUnits(3, 5)).toBe('0.6');
  });
});
