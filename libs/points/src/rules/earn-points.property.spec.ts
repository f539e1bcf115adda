import * as fc from 'fast-check';
import { allocateDiscount } from './discount-allocation';
import { calculateEarnPoints } from './earn-points-calculator';
import type { Channel, EarningRule, OrderForEarning } from './earning-rule-types';
import { proportionalShare } from './integer-math';

const CHANNELS: Channel[] = ['store', 'online', 'app'];
const CATEGORIES = ['coffee', 'bakery', 'retail'];
const SKUS = ['LATTE', 'CROISSANT', 'BEANS'];
const TIERS = ['basic', 'silver', 'gold'];

const sum = (values: readonly number[]): number =>
  values.reduce((total, value) => total + value, 0);

// Scaled integers keep generated rates within the 4 decimal places the engine supports.
const decimal = (min: number, max: number) => fc.integer({ min, max }).map((n) => n / 10_000);

const ruleArb: fc.Arbitrary<EarningRule> = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 4 }),
    name: fc.string({ maxLength: 8 }),
    active: fc.boolean(),
    priority: fc.integer({ min: -3, max: 3 }),
    stackable: fc.boolean(),
    conditions: fc.record(
      {
        channels: fc.subarray(CHANNELS),
        tiers: fc.subarray(TIERS),
        categories: fc.subarray(CATEGORIES),
        skus: fc.subarray(SKUS),
        minOrderTotal: fc.integer({ min: 0, max: 20_000 }),
        daysOfWeek: fc.subarray([1, 2, 3, 4, 5, 6, 7]),
      },
      { requiredKeys: [] },
    ),
    effect: fc.record(
      {
        pointsPerUnit: decimal(-10_000, 50_000),
        multiplier: decimal(0, 40_000),
        fixedPoints: fc.integer({ min: -100, max: 500 }),
      },
      { requiredKeys: [] },
    ),
    limits: fc.record({ perMemberPerDay: fc.integer({ min: 0, max: 2 }) }),
  },
  { requiredKeys: ['id', 'name', 'active', 'priority', 'stackable', 'conditions', 'effect'] },
);

const rulesArb = fc.uniqueArray(ruleArb, { selector: (rule) => rule.id, maxLength: 8 });

const lineArb = fc.record(
  {
    sku: fc.constantFrom(...SKUS),
    category: fc.constantFrom(...CATEGORIES),
    quantity: fc.integer({ min: -2, max: 5 }),
    unitPrice: fc.integer({ min: 0, max: 100_000 }),
    netAmount: fc.integer({ min: -1_000, max: 500_000 }),
  },
  { requiredKeys: ['sku', 'quantity', 'unitPrice'] },
);

const orderArb: fc.Arbitrary<OrderForEarning> = fc.record(
  {
    channel: fc.constantFrom(...CHANNELS),
    tier: fc.constantFrom(...TIERS),
    occurredAt: fc.date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2030-01-01T00:00:00Z'),
      noInvalidDate: true,
    }),
    timeZone: fc.constantFrom('UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Kiritimati'),
    minorUnitsPerMajor: fc.constantFrom(1, 100, 1000),
    lines: fc.array(lineArb, { maxLength: 8 }),
    tierMultiplier: fc.record({
      code: fc.constantFrom(...TIERS),
      name: fc.constantFrom('Basic', 'Silver', 'Gold'),
      multiplier: decimal(10_000, 30_000),
    }),
    ruleUsageToday: fc.dictionary(
      fc.string({ minLength: 1, maxLength: 4 }),
      fc.integer({ min: 0, max: 3 }),
    ),
  },
  { requiredKeys: ['channel', 'occurredAt', 'minorUnitsPerMajor', 'lines'] },
);

describe('calculateEarnPoints properties', () => {
  test('points are non-negative integers and add up', () => {
    fc.assert(
      fc.property(orderArb, rulesArb, (order, rules) => {
        const result = calculateEarnPoints(order, rules);
        const linePoints = sum(result.lines.map((line) => line.points));

        expect(result.lines).toHaveLength(order.lines.length);
        for (const line of result.lines) {
          expect(Number.isInteger(line.basePoints) && line.basePoints >= 0).toBe(true);
          expect(Number.isInteger(line.points) && line.points >= line.basePoints).toBe(true);
        }
        for (const applied of result.appliedRules) {
          expect(Number.isInteger(applied.points) && applied.points > 0).toBe(true);
        }
        expect(result.totalPoints).toBe(sum(result.appliedRules.map((applied) => applied.points)));
        expect(result.totalPoints).toBeGreaterThanOrEqual(linePoints);
        // Only a fixed-points rule adds points beyond the lines'.
        const fixedBonus = rules.some((rule) => rule.effect.fixedPoints !== undefined);
        expect(fixedBonus || result.totalPoints === linePoints).toBe(true);
        expect(result.description).toBe(
          result.appliedRules.map((applied) => applied.name).join(', '),
        );
      }),
    );
  });

  test('the order rules are given in does not matter', () => {
    fc.assert(
      fc.property(orderArb, rulesArb, (order, rules) => {
        expect(calculateEarnPoints(order, [...rules].reverse())).toEqual(
          calculateEarnPoints(order, rules),
        );
      }),
    );
  });

  test('a line never earns more base points than its exact share', () => {
    fc.assert(
      fc.property(orderArb, rulesArb, (order, rules) => {
        const maxRate = Math.max(0, ...rules.map((rule) => rule.effect.pointsPerUnit ?? 0));
        calculateEarnPoints(order, rules).lines.forEach((line, index) => {
          const source = order.lines[index];
          const amount = Math.max(
            0,
            source?.netAmount ?? (source ? source.quantity * source.unitPrice : 0),
          );
          expect(line.basePoints).toBeLessThanOrEqual(
            (amount * maxRate) / order.minorUnitsPerMajor + 1e-9,
          );
        });
      }),
    );
  });
});

describe('allocateDiscount properties', () => {
  test('sums to the (capped) discount, within each line, proportional within one unit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1_000, max: 1_000_000_000 }), { maxLength: 10 }),
        fc.integer({ min: -1_000, max: 2_000_000_000 }),
        (amounts, discount) => {
          const shares = allocateDiscount(amounts, discount);
          const weights = amounts.map((amount) => Math.max(0, amount));
          const total = sum(weights);
          const expected = Math.min(Math.max(0, discount), total);

          expect(shares).toHaveLength(amounts.length);
          expect(sum(shares)).toBe(expected);
          shares.forEach((share, index) => {
            const weight = weights[index] ?? 0;
            expect(Number.isInteger(share) && share >= 0 && share <= weight).toBe(true);
            // With nothing to share in (every weight 0) each share is 0, as checked above.
            const ideal = total > 0 ? (expected * weight) / total : 0;
            expect(Math.abs(share - ideal)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
    );
  });
});

describe('proportionalShare properties', () => {
  test('stays within 0..total and is monotonic in the part', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 1, max: 1_000_000_000 }),
        (total, a, b, whole) => {
          const [small, large] = a <= b ? [a, b] : [b, a];
          const shareSmall = proportionalShare(total, small, whole);
          const shareLarge = proportionalShare(total, large, whole);
          expect(shareSmall).toBeGreaterThanOrEqual(0);
          expect(shareLarge).toBeLessThanOrEqual(total);
          expect(shareSmall).toBeLessThanOrEqual(shareLarge);
        },
      ),
    );
  });
});
