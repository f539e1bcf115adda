import { PingsOut } from './pings-out';

describe('PingsOut', () => {
  let clock = 0;
  const now = (): number => clock;
  const advance = (ms: number): void => {
    clock += ms;
    jest.advanceTimersByTime(ms);
  };

  beforeEach(() => {
    clock = 0;
    jest.useFakeTimers();
  });
  afterEach(() => jest.useRealTimers());

  it('hands over what waited past the limit, oldest first, and nothing answered in time', () => {
    const late: string[] = [];
    const pings = new PingsOut<string>(1000, (key) => late.push(key), now);
    pings.add('a');
    advance(300);
    pings.add('b');
    pings.add('c');
    advance(200);
    expect(pings.settle('b')).toBe(true);
    advance(500);
    expect(late).toEqual(['a']);
    advance(500);
    expect(late).toEqual(['a', 'c']);
    expect(pings.settle('a')).toBe(false);
    expect(pings.settle('c')).toBe(false);
  });

  it('keeps no timer once nothing waits', () => {
    const pings = new PingsOut<string>(1000, () => undefined, now);
    pings.add('a');
    expect(jest.getTimerCount()).toBe(1);
    pings.settle('a');
    advance(250);
    expect(jest.getTimerCount()).toBe(0);
    pings.add('b');
    expect(jest.getTimerCount()).toBe(1);
  });
});
