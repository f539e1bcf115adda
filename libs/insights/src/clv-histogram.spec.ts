import { clvHistogram, clvHistogramLayout, roundBucketWidth } from './clv-histogram';

/** Highest value → bucket width. */
const WIDTHS: [number, number][] = [
  [0, 1],
  [5, 1],
  [10, 1],
  [11, 2],
  [25, 5],
  [100, 10],
  [101, 20],
  [190, 20],
  [201, 25],
  [250, 25],
  [251, 50],
  [3000, 500],
  [3010, 500],
  [5001, 1000],
  [98_765, 10_000],
  [123_456, 20_000],
  [240_000, 25_000],
];

describe('the CLV histogram', () => {
  it.each(WIDTHS)('gives %p buckets %p wide', (top, width) => {
    expect(roundBucketWidth(top)).toBe(width);
  });

  // Up to 10 a bucket is one unit wide, however few buckets that makes.
  it.each(WIDTHS.filter(([top]) => top > 10))(
    'reaches %p in five to ten buckets of %p',
    (top, width) => {
      const buckets = Math.ceil(top / width);
      expect(buckets).toBeGreaterThanOrEqual(5);
      expect(buckets).toBeLessThanOrEqual(10);
    },
  );

  it('lists every bucket up to the 99th percentile, then an open-ended one', () => {
    const counts = new Map([
      [0, 40],
      [2, 7],
      [6, 1],
    ]);
    const layout = clvHistogramLayout(2800);
    expect(layout).toEqual({ width: 500, closed: 6 });
    expect(clvHistogram(layout, counts)).toEqual([
      { from: 0, to: 500, members: 40 },
      { from: 500, to: 1000, members: 0 },
      { from: 1000, to: 1500, members: 7 },
      { from: 1500, to: 2000, members: 0 },
      { from: 2000, to: 2500, members: 0 },
      { from: 2500, to: 3000, members: 0 },
      { from: 3000, to: null, members: 1 },
    ]);
  });

  it('keeps one bucket and the open one when every value is 0', () => {
    expect(clvHistogram(clvHistogramLayout(0), new Map([[0, 3]]))).toEqual([
      { from: 0, to: 1, members: 3 },
      { from: 1, to: null, members: 0 },
    ]);
  });
});
