import { applyOrderDiscount } from './discount-allocation';
import { calculateEarnPoints } from './earn-points-calculator';
import type {
  AppliedRule,
  EarningRule,
  OrderForEarning,
  OrderLineForEarning,
} from './earning-rule-types';
import { ruleApplicationsToRecord } from './rule-usage';

function rule(id: string, overrides: Partial<EarningRule> = {}): EarningRule {
  return {
    id,
    name: id,
    active: true,
    priority: 0,
    stackable: true,
    conditions: {},
    effect: {},
    ...overrides,
  };
}

const latte: OrderLineForEarning = {
  sku: 'LATTE',
  category: 'coffee',
  quantity: 2,
  unitPrice: 450,
}; // 900
const croissant: OrderLineForEarning = {
  sku: 'CROISSANT',
  category: 'bakery',
  quantity: 1,
  unitPrice: 325,
};
const beans: OrderLineForEarning = {
  sku: 'BEANS-1KG',
  category: 'retail',
  quantity: 1,
  unitPrice: 1999,
};

// Wednesday 2024-06-05, midday UTC. Subtotal 3224.
function order(overrides: Partial<OrderForEarning> = {}): OrderForEarning {
  return {
    channel: 'store',
    occurredAt: new Date('2024-06-05T12:00:00Z'),
    minorUnitsPerMajor: 100,
    lines: [latte, croissant, beans],
    ...overrides,
  };
}

const base = rule('base', { name: 'Base: 1 point per dollar', effect: { pointsPerUnit: 1 } });
const baseApplied: AppliedRule = { ruleId: 'base', name: 'Base: 1 point per dollar', points: 31 };
const doubleCoffee = rule('double-coffee', {
  name: 'Double on coffee',
  priority: 10,
  conditions: { categories: ['coffee'] },
  effect: { multiplier: 2 },
});
const doubleCoffeeApplied: AppliedRule = {
  ruleId: 'double-coffee',
  name: 'Double on coffee',
  points: 9,
};

interface Scenario {
  name: string;
  rules: EarningRule[];
  order: OrderForEarning;
  /** Points per line. */
  lines: number[];
  basePoints?: number[];
  lineRuleIds?: string[][];
  appliedRules: AppliedRule[];
  total: number;
  description?: string;
}

// Base alone on the default order: lines [9, 3, 19], total 31.
const baseOnly = { lines: [9, 3, 19], appliedRules: [baseApplied], total: 31 };
const withDoubleCoffee = {
  lines: [18, 3, 19],
  appliedRules: [baseApplied, doubleCoffeeApplied],
  total: 40,
};

const scenarios: Scenario[] = [
  {
    name: 'base 1 point per dollar, floored per line',
    rules: [base],
    order: order(),
    ...baseOnly,
    basePoints: [9, 3, 19],
    lineRuleIds: [['base'], ['base'], ['base']],
    description: 'Base: 1 point per dollar',
  },
  {
    name: 'fractional rate floors each line, not the order (18, not floor(19.485))',
    rules: [rule('r', { name: '1.5 points per dollar', effect: { pointsPerUnit: 1.5 } })],
    order: order({
      lines: [
        { sku: 'A', quantity: 1, unitPrice: 999 },
        { sku: 'B', quantity: 1, unitPrice: 150 },
        { sku: 'C', quantity: 1, unitPrice: 150 },
      ],
    }),
    lines: [14, 2, 2],
    appliedRules: [{ ruleId: 'r', name: '1.5 points per dollar', points: 18 }],
    total: 18,
  },
  {
    name: 'fractional rates are exact: 0.57 × 100 = 57 and 0.1 × 1999 = 199 (JPY, no minor units)',
    rules: [
      rule('a', { conditions: { skus: ['A'] }, effect: { pointsPerUnit: 0.57 } }),
      rule('b', { conditions: { skus: ['B'] }, effect: { pointsPerUnit: 0.1 } }),
    ],
    order: order({
      minorUnitsPerMajor: 1,
      lines: [
        { sku: 'A', quantity: 1, unitPrice: 100 },
        { sku: 'B', quantity: 1, unitPrice: 1999 },
      ],
    }),
    lines: [57, 199],
    appliedRules: [
      { ruleId: 'a', name: 'a', points: 57 },
      { ruleId: 'b', name: 'b', points: 199 },
    ],
    total: 256,
  },
  {
    name: 'category multiplier: Double on coffee, listed after the base rule',
    rules: [doubleCoffee, base],
    order: order(),
    ...withDoubleCoffee,
    basePoints: [9, 3, 19],
    lineRuleIds: [['base', 'double-coffee'], ['base'], ['base']],
    description: 'Base: 1 point per dollar, Double on coffee',
  },
  {
    name: 'stackable 2× and 3× add up: base + 1×base + 2×base',
    rules: [
      base,
      doubleCoffee,
      rule('triple', {
        priority: 5,
        conditions: { categories: ['coffee'] },
        effect: { multiplier: 3 },
      }),
    ],
    order: order(),
    lines: [36, 3, 19],
    appliedRules: [
      baseApplied,
      doubleCoffeeApplied,
      { ruleId: 'triple', name: 'triple', points: 18 },
    ],
    total: 58,
  },
  {
    name: 'exclusive multiplier first wins alone and ends the walk',
    rules: [
      base,
      doubleCoffee,
      rule('triple-x', {
        priority: 20,
        stackable: false,
        conditions: { categories: ['coffee'] },
        effect: { multiplier: 3 },
      }),
    ],
    order: order(),
    lines: [27, 3, 19],
    appliedRules: [baseApplied, { ruleId: 'triple-x', name: 'triple-x', points: 18 }],
    total: 49,
  },
  {
    name: 'exclusive multiplier after a stackable one is skipped; later stackables still apply',
    rules: [
      base,
      doubleCoffee,
      rule('triple-x', {
        priority: 5,
        stackable: false,
        conditions: { categories: ['coffee'] },
        effect: { multiplier: 3 },
      }),
      rule('half', {
        priority: 1,
        conditions: { categories: ['coffee'] },
        effect: { multiplier: 1.5 },
      }),
    ],
    order: order(),
    lines: [22, 3, 19],
    appliedRules: [baseApplied, doubleCoffeeApplied, { ruleId: 'half', name: 'half', points: 4 }],
    total: 44,
  },
  {
    name: 'equal priorities break ties by id ascending',
    rules: [
      base,
      rule('b-triple', { priority: 5, stackable: false, effect: { multiplier: 3 } }),
      rule('a-double', { priority: 5, stackable: false, effect: { multiplier: 2 } }),
    ],
    order: order(),
    lines: [18, 6, 38],
    appliedRules: [baseApplied, { ruleId: 'a-double', name: 'a-double', points: 31 }],
    total: 62,
  },
  {
    name: 'only the first matching rate is the base; other rates are ignored on that line',
    rules: [
      base,
      rule('coffee-rate', {
        priority: 10,
        conditions: { categories: ['coffee'] },
        effect: { pointsPerUnit: 2 },
      }),
    ],
    order: order(),
    lines: [18, 3, 19],
    basePoints: [18, 3, 19],
    appliedRules: [
      { ruleId: 'coffee-rate', name: 'coffee-rate', points: 18 },
      { ruleId: 'base', name: 'Base: 1 point per dollar', points: 22 },
    ],
    total: 40,
  },
  {
    name: 'a rate of 0 at high priority excludes lines from earning and from multipliers',
    rules: [
      base,
      rule('no-retail', {
        priority: 100,
        conditions: { categories: ['retail'] },
        effect: { pointsPerUnit: 0 },
      }),
      rule('all-double', { priority: 10, effect: { multiplier: 2 } }),
    ],
    order: order(),
    lines: [18, 6, 0],
    lineRuleIds: [['base', 'all-double'], ['base', 'all-double'], []],
    appliedRules: [
      { ruleId: 'base', name: 'Base: 1 point per dollar', points: 12 },
      { ruleId: 'all-double', name: 'all-double', points: 12 },
    ],
    total: 24,
  },
  {
    name: 'one rule with a rate and a multiplier acts in both roles',
    rules: [
      base,
      rule('club', {
        name: 'Coffee club',
        priority: 10,
        conditions: { categories: ['coffee'] },
        effect: { pointsPerUnit: 2, multiplier: 2 },
      }),
    ],
    order: order(),
    lines: [36, 3, 19],
    appliedRules: [
      { ruleId: 'club', name: 'Coffee club', points: 36 },
      { ruleId: 'base', name: 'Base: 1 point per dollar', points: 22 },
    ],
    total: 58,
    description: 'Coffee club, Base: 1 point per dollar',
  },
  {
    name: 'multipliers without a base rate earn nothing',
    rules: [doubleCoffee],
    order: order(),
    lines: [0, 0, 0],
    appliedRules: [],
    total: 0,
    description: '',
  },
  {
    name: 'fixed bonus is added once per order, after line rules',
    rules: [
      rule('welcome', { name: 'Welcome bonus', priority: 50, effect: { fixedPoints: 50 } }),
      base,
    ],
    order: order(),
    lines: [9, 3, 19],
    appliedRules: [baseApplied, { ruleId: 'welcome', name: 'Welcome bonus', points: 50 }],
    total: 81,
    description: 'Base: 1 point per dollar, Welcome bonus',
  },
  {
    name: 'fixed bonus with line conditions needs a matching line',
    rules: [
      base,
      rule('beans-bonus', { conditions: { skus: ['BEANS-1KG'] }, effect: { fixedPoints: 25 } }),
      rule('tea-bonus', { conditions: { categories: ['tea'] }, effect: { fixedPoints: 40 } }),
    ],
    order: order(),
    ...baseOnly,
    appliedRules: [baseApplied, { ruleId: 'beans-bonus', name: 'beans-bonus', points: 25 }],
    total: 56,
  },
  {
    name: 'exclusive fixed bonus first excludes the stackable ones',
    rules: [
      base,
      rule('big', { priority: 10, stackable: false, effect: { fixedPoints: 100 } }),
      rule('small', { priority: 5, effect: { fixedPoints: 20 } }),
    ],
    order: order(),
    ...baseOnly,
    appliedRules: [baseApplied, { ruleId: 'big', name: 'big', points: 100 }],
    total: 131,
  },
  {
    name: 'exclusive fixed bonus after a stackable one is skipped',
    rules: [
      base,
      rule('small', { priority: 10, effect: { fixedPoints: 20 } }),
      rule('big', { priority: 5, stackable: false, effect: { fixedPoints: 100 } }),
      rule('tiny', { priority: 1, effect: { fixedPoints: 5 } }),
    ],
    order: order(),
    ...baseOnly,
    appliedRules: [
      baseApplied,
      { ruleId: 'small', name: 'small', points: 20 },
      { ruleId: 'tiny', name: 'tiny', points: 5 },
    ],
    total: 56,
  },
  {
    name: 'channel condition holds',
    rules: [
      base,
      { ...doubleCoffee, conditions: { ...doubleCoffee.conditions, channels: ['app', 'online'] } },
    ],
    order: order({ channel: 'app' }),
    ...withDoubleCoffee,
  },
  {
    name: 'channel condition fails',
    rules: [
      base,
      { ...doubleCoffee, conditions: { ...doubleCoffee.conditions, channels: ['app', 'online'] } },
    ],
    order: order({ channel: 'store' }),
    ...baseOnly,
  },
  {
    name: 'empty condition lists do not restrict',
    rules: [
      base,
      {
        ...doubleCoffee,
        conditions: { categories: ['coffee'], channels: [], storeIds: [], skus: [] },
      },
    ],
    order: order(),
    ...withDoubleCoffee,
  },
  {
    name: 'store condition holds',
    rules: [
      base,
      { ...doubleCoffee, conditions: { categories: ['coffee'], storeIds: ['S1', 'S2'] } },
    ],
    order: order({ storeId: 'S2' }),
    ...withDoubleCoffee,
  },
  {
    name: 'store condition fails for another store',
    rules: [base, { ...doubleCoffee, conditions: { categories: ['coffee'], storeIds: ['S1'] } }],
    order: order({ storeId: 'S9' }),
    ...baseOnly,
  },
  {
    name: 'store condition fails for an order without a store',
    rules: [base, { ...doubleCoffee, conditions: { categories: ['coffee'], storeIds: ['S1'] } }],
    order: order({ channel: 'online' }),
    ...baseOnly,
  },
  {
    name: 'tier condition holds',
    rules: [base, { ...doubleCoffee, conditions: { categories: ['coffee'], tiers: ['gold'] } }],
    order: order({ tier: 'gold' }),
    ...withDoubleCoffee,
  },
  {
    name: 'tier condition fails',
    rules: [base, { ...doubleCoffee, conditions: { categories: ['coffee'], tiers: ['gold'] } }],
    order: order({ tier: 'silver' }),
    ...baseOnly,
  },
  {
    name: 'sku condition',
    rules: [
      base,
      rule('beans-triple', { conditions: { skus: ['BEANS-1KG'] }, effect: { multiplier: 3 } }),
    ],
    order: order(),
    lines: [9, 3, 57],
    appliedRules: [baseApplied, { ruleId: 'beans-triple', name: 'beans-triple', points: 38 }],
    total: 69,
  },
  {
    name: 'sku and category conditions must both hold',
    rules: [
      base,
      rule('x', {
        conditions: { categories: ['coffee'], skus: ['LATTE', 'BEANS-1KG'] },
        effect: { multiplier: 2 },
      }),
    ],
    order: order(),
    lines: [18, 3, 19],
    appliedRules: [baseApplied, { ruleId: 'x', name: 'x', points: 9 }],
    total: 40,
  },
  {
    name: 'category condition does not match a line without a category',
    rules: [base, doubleCoffee],
    order: order({ lines: [{ sku: 'LATTE', quantity: 2, unitPrice: 450 }] }),
    lines: [9],
    appliedRules: [{ ...baseApplied, points: 9 }],
    total: 9,
  },
  {
    name: 'minOrderTotal is inclusive and uses the subtotal before discounts',
    rules: [base, { ...doubleCoffee, conditions: { categories: ['coffee'], minOrderTotal: 3224 } }],
    order: order({
      lines: [
        { ...latte, netAmount: 800 },
        { ...croissant, netAmount: 300 },
        { ...beans, netAmount: 1900 },
      ],
    }),
    lines: [16, 3, 19],
    appliedRules: [
      { ...baseApplied, points: 30 },
      { ...doubleCoffeeApplied, points: 8 },
    ],
    total: 38,
  },
  {
    name: 'minOrderTotal one unit above the subtotal fails',
    rules: [base, { ...doubleCoffee, conditions: { categories: ['coffee'], minOrderTotal: 3225 } }],
    order: order(),
    ...baseOnly,
  },
  {
    name: 'daysOfWeek holds (Wednesday = 3)',
    rules: [base, { ...doubleCoffee, conditions: { categories: ['coffee'], daysOfWeek: [3, 4] } }],
    order: order(),
    ...withDoubleCoffee,
  },
  {
    name: 'daysOfWeek fails',
    rules: [base, { ...doubleCoffee, conditions: { categories: ['coffee'], daysOfWeek: [6, 7] } }],
    order: order(),
    ...baseOnly,
  },
  {
    name: 'daysOfWeek uses the order time zone: 23:30 Sunday in New York is Monday UTC',
    rules: [base, { ...doubleCoffee, conditions: { categories: ['coffee'], daysOfWeek: [7] } }],
    order: order({ occurredAt: new Date('2024-06-10T03:30:00Z'), timeZone: 'America/New_York' }),
    ...withDoubleCoffee,
  },
  {
    name: 'daysOfWeek defaults to UTC: the same instant is Monday',
    rules: [base, { ...doubleCoffee, conditions: { categories: ['coffee'], daysOfWeek: [7] } }],
    order: order({ occurredAt: new Date('2024-06-10T03:30:00Z') }),
    ...baseOnly,
  },
  {
    name: 'daysOfWeek: 00:30 Monday in Tokyo is still Sunday in UTC',
    rules: [base, { ...doubleCoffee, conditions: { categories: ['coffee'], daysOfWeek: [1] } }],
    order: order({ occurredAt: new Date('2024-06-09T15:30:00Z'), timeZone: 'Asia/Tokyo' }),
    ...withDoubleCoffee,
  },
  {
    name: 'validFrom is inclusive',
    rules: [
      base,
      {
        ...doubleCoffee,
        conditions: { categories: ['coffee'], validFrom: '2024-06-05T12:00:00.000Z' },
      },
    ],
    order: order(),
    ...withDoubleCoffee,
  },
  {
    name: 'validFrom one millisecond later fails',
    rules: [
      base,
      {
        ...doubleCoffee,
        conditions: { categories: ['coffee'], validFrom: '2024-06-05T12:00:00.001Z' },
      },
    ],
    order: order(),
    ...baseOnly,
  },
  {
    name: 'validUntil is exclusive',
    rules: [
      base,
      {
        ...doubleCoffee,
        conditions: { categories: ['coffee'], validUntil: '2024-06-05T12:00:00Z' },
      },
    ],
    order: order(),
    ...baseOnly,
  },
  {
    name: 'validUntil one millisecond later holds; offsets are honoured',
    rules: [
      base,
      {
        ...doubleCoffee,
        conditions: {
          categories: ['coffee'],
          validFrom: '2024-06-05T08:00:00-04:00',
          validUntil: '2024-06-05T12:00:00.001Z',
        },
      },
    ],
    order: order(),
    ...withDoubleCoffee,
  },
  {
    name: 'an unparseable validity date fails closed',
    rules: [
      base,
      { ...doubleCoffee, conditions: { categories: ['coffee'], validUntil: 'next week' } },
    ],
    order: order(),
    ...baseOnly,
  },
  {
    name: 'inactive rules never apply',
    rules: [base, { ...doubleCoffee, active: false }],
    order: order(),
    ...baseOnly,
  },
  {
    name: 'perMemberPerDay reached',
    rules: [base, { ...doubleCoffee, limits: { perMemberPerDay: 2 } }],
    order: order({ ruleUsageToday: { 'double-coffee': 2 } }),
    ...baseOnly,
  },
  {
    name: 'perMemberPerDay not yet reached',
    rules: [base, { ...doubleCoffee, limits: { perMemberPerDay: 2 } }],
    order: order({ ruleUsageToday: { 'double-coffee': 1, base: 99 } }),
    ...withDoubleCoffee,
  },
  {
    name: 'perMemberPerDay with no usage recorded',
    rules: [
      base,
      rule('constructor', { effect: { fixedPoints: 5 }, limits: { perMemberPerDay: 1 } }),
    ],
    order: order({ ruleUsageToday: {} }),
    ...baseOnly,
    appliedRules: [baseApplied, { ruleId: 'constructor', name: 'constructor', points: 5 }],
    total: 36,
  },
  {
    name: 'tier multiplier applies last, floored per line',
    rules: [base],
    order: order({ tierMultiplier: { code: 'gold', name: 'Gold', multiplier: 1.5 } }),
    lines: [13, 4, 28],
    basePoints: [9, 3, 19],
    lineRuleIds: [
      ['base', 'tier:gold'],
      ['base', 'tier:gold'],
      ['base', 'tier:gold'],
    ],
    appliedRules: [baseApplied, { ruleId: 'tier:gold', name: 'Gold tier ×1.5', points: 14 }],
    total: 45,
    description: 'Base: 1 point per dollar, Gold tier ×1.5',
  },
  {
    name: 'tier multiplier applies even after an exclusive multiplier, on base points only',
    rules: [base, { ...doubleCoffee, stackable: false }],
    order: order({ tierMultiplier: { code: 'gold', name: 'Gold', multiplier: 2 } }),
    lines: [27, 6, 38],
    appliedRules: [
      baseApplied,
      doubleCoffeeApplied,
      { ruleId: 'tier:gold', name: 'Gold tier ×2', points: 31 },
    ],
    total: 71,
  },
  {
    name: 'tier multiplier code also satisfies tier conditions; ×1 adds nothing',
    rules: [base, { ...doubleCoffee, conditions: { categories: ['coffee'], tiers: ['basic'] } }],
    order: order({ tierMultiplier: { code: 'basic', name: 'Basic', multiplier: 1 } }),
    ...withDoubleCoffee,
  },
  {
    name: 'zero and negative amounts earn nothing',
    rules: [base, rule('all-double', { effect: { multiplier: 2 } })],
    order: order({
      tierMultiplier: { code: 'gold', name: 'Gold', multiplier: 1.5 },
      lines: [
        { sku: 'RETURNED', quantity: -1, unitPrice: 1000 },
        { sku: 'FREE', quantity: 1, unitPrice: 1000, netAmount: 0 },
        { sku: 'REFUND', quantity: 1, unitPrice: 1000, netAmount: -500 },
        { sku: 'PAID', quantity: 1, unitPrice: 1000 },
      ],
    }),
    lines: [0, 0, 0, 25],
    appliedRules: [
      { ruleId: 'base', name: 'Base: 1 point per dollar', points: 10 },
      { ruleId: 'all-double', name: 'all-double', points: 10 },
      { ruleId: 'tier:gold', name: 'Gold tier ×1.5', points: 5 },
    ],
    total: 25,
  },
  {
    name: 'effects that would remove points are ignored',
    rules: [
      base,
      rule('neg-rate', { priority: 10, effect: { pointsPerUnit: -1 } }),
      rule('shrink', { priority: 10, effect: { multiplier: 0.5 } }),
      rule('penalty', { priority: 10, effect: { fixedPoints: -50 } }),
    ],
    order: order(),
    ...baseOnly,
  },
  {
    name: 'earns on net amounts after an allocated order discount',
    rules: [base],
    // 324 off 3224 -> [90, 33, 201] by largest remainder -> nets [810, 292, 1798]
    order: order({ lines: applyOrderDiscount([latte, croissant, beans], 324) }),
    lines: [8, 2, 17],
    appliedRules: [{ ...baseApplied, points: 27 }],
    total: 27,
  },
];

describe('calculateEarnPoints golden scenarios', () => {
  test.each(scenarios)('$name', (scenario) => {
    const result = calculateEarnPoints(scenario.order, scenario.rules);

    expect(result.lines.map((line) => line.points)).toEqual(scenario.lines);
    // Per-line base points and rule ids, where the scenario states them.
    expect({
      basePoints: scenario.basePoints && result.lines.map((line) => line.basePoints),
      lineRuleIds: scenario.lineRuleIds && result.lines.map((line) => line.appliedRuleIds),
    }).toEqual({ basePoints: scenario.basePoints, lineRuleIds: scenario.lineRuleIds });
    expect(result.appliedRules).toEqual(scenario.appliedRules);
    expect(result.totalPoints).toBe(scenario.total);
    expect(result.description).toBe(
      scenario.description ?? scenario.appliedRules.map((applied) => applied.name).join(', '),
    );
    expect(result.lines.map((line) => line.sku)).toEqual(
      scenario.order.lines.map((line) => line.sku),
    );
    expect(result.lines.map((line) => line.index)).toEqual(
      scenario.order.lines.map((_, index) => index),
    );
  });
});

describe('calculateEarnPoints input checks', () => {
  test('rejects an invalid occurredAt', () => {
    expect(() => calculateEarnPoints(order({ occurredAt: new Date('nope') }), [base])).toThrow(
      RangeError,
    );
  });

  test('rejects an unknown time zone', () => {
    expect(() => calculateEarnPoints(order({ timeZone: 'Mars/Olympus' }), [base])).toThrow(
      RangeError,
    );
  });

  test('rejects a non-positive or fractional minorUnitsPerMajor', () => {
    expect(() => calculateEarnPoints(order({ minorUnitsPerMajor: 0 }), [base])).toThrow(RangeError);
    expect(() => calculateEarnPoints(order({ minorUnitsPerMajor: 2.5 }), [base])).toThrow(
      RangeError,
    );
  });
});

describe('ruleApplicationsToRecord', () => {
  const limitedCoffee = { ...doubleCoffee, limits: { perMemberPerDay: 3 } };
  const rules = [
    base,
    limitedCoffee,
    rule('tea-only', {
      conditions: { categories: ['tea'] },
      effect: { multiplier: 2 },
      limits: { perMemberPerDay: 1 },
    }),
  ];

  test('counts each rule with a daily limit that gave points, once per order, but not the tier', () => {
    const result = calculateEarnPoints(
      order({ tierMultiplier: { code: 'gold', name: 'Gold', multiplier: 2 } }),
      rules,
    );
    expect(result.appliedRules.map((a) => a.ruleId)).toEqual(
      expect.arrayContaining(['base', 'double-coffee']),
    );
    expect(ruleApplicationsToRecord(result, rules)).toEqual(['double-coffee']);
  });

  test('counts nothing when no rule has a daily limit', () => {
    const result = calculateEarnPoints(order(), [base, doubleCoffee]);
    expect(ruleApplicationsToRecord(result, [base, doubleCoffee])).toEqual([]);
  });
});
