import { CacheFamily, deepFreeze, ShortLivedValue } from './short-lived-cache';

describe('ShortLivedValue', () => {
  let now = 0;
  beforeEach(() => {
    now = 1_000;
    jest.spyOn(performance, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  const counter = () => {
    let loads = 0;
    return { load: () => Promise.resolve(++loads), loads: () => loads };
  };

  it('answers from memory until the time to live has passed', async () => {
    const value = new ShortLivedValue<number>(new CacheFamily(), 1000);
    const source = counter();
    await expect(value.get(source.load)).resolves.toBe(1);
    now += 999;
    await expect(value.get(source.load)).resolves.toBe(1);
    now += 1;
    await expect(value.get(source.load)).resolves.toBe(2);
    expect(source.loads()).toBe(2);
  });

  it('reads again at once after its family is invalidated, in every instance', async () => {
    const family = new CacheFamily();
    const a = new ShortLivedValue<number>(family, 1000);
    const b = new ShortLivedValue<number>(family, 1000);
    const other = new ShortLivedValue<number>(new CacheFamily(), 1000);
    const source = counter();
    await a.get(source.load);
    await b.get(source.load);
    await other.get(source.load);
    family.invalidate();
    await expect(a.get(source.load)).resolves.toBe(4);
    await expect(b.get(source.load)).resolves.toBe(5);
    await expect(other.get(source.load)).resolves.toBe(3);
  });

  it('does not keep a value read while a change was landing', async () => {
    const family = new CacheFamily();
    const value = new ShortLivedValue<string>(family, 1000);
    await expect(
      value.get(() => {
        family.invalidate(); // the change commits while the read is in flight
        return Promise.resolve('maybe stale');
      }),
    ).resolves.toBe('maybe stale');
    await expect(value.get(() => Promise.resolve('fresh'))).resolves.toBe('fresh');
    await expect(value.get(() => Promise.resolve('not read'))).resolves.toBe('fresh');
  });
});

describe('deepFreeze', () => {
  it('freezes nested objects and arrays', () => {
    const value = deepFreeze({ rules: [{ effect: { multiplier: 2 } }] });
    expect(Object.isFrozen(value.rules[0]?.effect)).toBe(true);
    expect(Object.isFrozen(value.rules)).toBe(true);
  });
});
