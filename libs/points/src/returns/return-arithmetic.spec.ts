import fc from 'fast-check';
import { planReturn, ReturnableLine, ReturnPlan } from './return-arithmetic';

const order = { subtotal: 3000, bonusPoints: 7, pointsRedeemed: 333 };
const lines = (): ReturnableLine[] => [
  { lineNo: 1, sku: 'A', quantity: 3, unitPrice: 500, points: 10, returnedQuantity: 0 },
  { lineNo: 2, sku: 'B', quantity: 1, unitPrice: 1500, points: 23, returnedQuantity: 0 },
];

const apply = (ls: ReturnableLine[], plan: ReturnPlan): void => {
  for (const l of ls) {
    l.returnedQuantity += plan.units.get(l.lineNo) ?? 0;
  }
};

describe('planReturn', () => {
  it('reverses a line in proportion to units, with bonus and refund in proportion to value', () => {
    const plan = planReturn(lines(), [{ sku: 'A', quantity: 1 }], order) as ReturnPlan;
    // floor(10 * 1/3) = 3 line points, floor(7 * 500/3000) = 1 bonus point, floor(333 * 500/3000) = 55.
    expect(plan).toMatchObject({ pointsToReverse: 4, pointsToRefund: 55, fullyReturned: false });
  });

  it('refuses more units than were bought', () => {
    expect(
      planReturn(
        lines(),
        [
          { sku: 'A', quantity: 2 },
          { sku: 'A', quantity: 2 },
        ],
        order,
      ),
    ).toEqual({ sku: 'A', returnable: 3 });
    expect(planReturn(lines(), [{ sku: 'Z', quantity: 1 }], order)).toEqual({
      sku: 'Z',
      returnable: 0,
    });
  });

  it('adds up to exactly everything, whatever the sequence of partial returns', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('A', 'B'), { minLength: 0, maxLength: 4 }), (skus) => {
        const ls = lines();
        let reversed = 0;
        let refunded = 0;
        for (const sku of [...skus, 'A', 'A', 'A', 'B']) {
          const plan = planReturn(ls, [{ sku, quantity: 1 }], order);
          if (!('units' in plan)) {
            continue;
          }
          apply(ls, plan);
          reversed += plan.pointsToReverse;
          refunded += plan.pointsToRefund;
          expect(reversed).toBeLessThanOrEqual(40);
        }
        expect(reversed).toBe(10 + 23 + 7);
        expect(refunded).toBe(333);
      }),
    );
  });
});
