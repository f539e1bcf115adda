import fc from 'fast-check';
import { fingerprint, OccurrenceCounter } from './occurrence-counter';

describe('OccurrenceCounter', () => {
  it('counts each string separately, as a Map would, through many resizes', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 400 }), (keys) => {
        const counter = new OccurrenceCounter();
        const seen = new Map<string, number>();
        const expected = keys.map((key) => {
          seen.set(key, (seen.get(key) ?? 0) + 1);
          return seen.get(key);
        });
        expect(keys.map((key) => counter.add(key))).toEqual(expected);
      }),
    );
  });

  it('keeps 200,000 distinct keys apart and finds each again', () => {
    const counter = new OccurrenceCounter();
    const key = (i: number): string => `member-${i}/2024-01-01T00:00:00.000Z/${i % 97}`;
    const firsts = new Set<number>();
    for (let i = 0; i < 200_000; i++) {
      firsts.add(counter.add(key(i)));
    }
    const seconds = new Set<number>();
    for (let i = 0; i < 200_000; i += 997) {
      seconds.add(counter.add(key(i)));
    }
    expect([...firsts]).toEqual([1]);
    expect([...seconds]).toEqual([2]);
  });
});

describe('fingerprint', () => {
  it('differs for strings that differ by one character or by order', () => {
    const prints = new Set(
      ['a', 'b', 'ab', 'ba', '', 'member-1/1', 'member-1/2', 'member-2/1'].map((s) =>
        fingerprint(s).join(':'),
      ),
    );
    expect(prints.size).toBe(8);
  });
});
