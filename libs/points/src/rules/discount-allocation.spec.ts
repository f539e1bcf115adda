import { allocateDiscount, applyOrderDiscount } from './discount-allocation';

const sum = (values: readonly number[]): number =>
  values.reduce((total, value) => total + value, 0);

describe('allocateDiscount', () => {
  test.each<[string, number[], number, number[]]>([
    ['proportional with largest remainders', [900, 325, 1999], 324, [90, 33, 201]],
    [
      'even split of an indivisible unit goes to the earliest line',
      [100, 100, 100],
      100,
      [34, 33, 33],
    ],
    ['full discount equals the amounts', [500, 250], 750, [500, 250]],
    ['discount above the total is capped', [500, 250], 1000, [500, 250]],
    ['zero and negative lines get nothing', [0, -300, 600], 200, [0, 0, 200]],
    ['no discount', [100, 200], 0, [0, 0]],
    ['negative discount allocates nothing', [100, 200], -50, [0, 0]],
    ['no lines', [], 100, []],
    ['one-unit lines never exceed their amount', [1, 1, 1, 97], 3, [0, 0, 0, 3]],
  ])('%s', (_name, amounts, discount, expected) => {
    const shares = allocateDiscount(amounts, discount);
    expect(shares).toEqual(expected);
    expect(sum(shares)).toBe(
      Math.min(Math.max(discount, 0), sum(amounts.map((a) => Math.max(a, 0)))),
    );
  });

  test('sums exactly for amounts whose float shares would drift', () => {
    const amounts = [333, 333, 334, 1, 9_999_999_999];
    const shares = allocateDiscount(amounts, 1_234_567_891);
    expect(sum(shares)).toBe(1_234_567_891);
    shares.forEach((share, index) => expect(share).toBeLessThanOrEqual(amounts[index] ?? 0));
  });
});

describe('applyOrderDiscount', () => {
  test('reduces each net amount by its share, starting from an existing netAmount', () => {
    const lines = applyOrderDiscount(
      [
        { sku: 'A', quantity: 2, unitPrice: 450 },
        { sku: 'B', quantity: 1, unitPrice: 1000, netAmount: 800 },
      ],
      170,
    );
    expect(lines).toEqual([
      { sku: 'A', quantity: 2, unitPrice: 450, netAmount: 810 },
      { sku: 'B', quantity: 1, unitPrice: 1000, netAmount: 720 },
    ]);
  });
});
