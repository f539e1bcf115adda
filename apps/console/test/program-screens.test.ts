import { describe, expect, it } from 'vitest';
import en from '../src/i18n/en.json';
import fa from '../src/i18n/fa.json';
import { formatMoney } from '../src/format/money';
import {
  orderBonus,
  toCheckoutBody,
  type CheckoutResult,
} from '../src/pages/earning-rules/basket-values';
import {
  CHANNELS,
  EMPTY_RULE,
  toRuleBody,
  toRuleValues,
  WEEKDAYS,
  type EarningRule,
} from '../src/pages/earning-rules/rule-values';
import { METRICS } from '../src/pages/tiers/tier-values';
import { NUMBER_FIELDS as PROGRAM_NUMBER_FIELDS } from '../src/pages/program/program-values';
import {
  NUMBER_FIELDS as REFERRAL_NUMBER_FIELDS,
  STATUSES,
} from '../src/pages/referrals/referral-values';

const toMinor = (major: number) => Math.round(major * 100);
const toMajor = (minor: number) => minor / 100;

describe('earning rule form values', () => {
  it('sends only the conditions and effects that are set, money in minor units', () => {
    const body = toRuleBody(
      {
        ...EMPTY_RULE,
        name: ' Double on coffee ',
        priority: 10,
        conditions: {
          ...EMPTY_RULE.conditions,
          channels: ['store'],
          categories: ['coffee'],
          minOrderTotal: 12.5,
          daysOfWeek: ['7', '1'],
        },
        effect: { pointsPerUnit: '', multiplier: 2, fixedPoints: '' },
      },
      toMinor,
    );
    expect(body).toEqual({
      name: 'Double on coffee',
      active: true,
      priority: 10,
      stackable: true,
      conditions: {
        channels: ['store'],
        categories: ['coffee'],
        minOrderTotal: 1250,
        daysOfWeek: [1, 7],
      },
      effect: { multiplier: 2 },
    });
  });

  it('reads a stored rule back into the same body', () => {
    const rule: EarningRule = {
      id: 'r1',
      name: 'Weekend',
      active: false,
      priority: 3,
      stackable: false,
      conditions: {
        skus: ['COF-1'],
        minOrderTotal: 999,
        validFrom: '2026-01-01T10:00:00.000Z',
        validUntil: '2026-02-01T10:00:00.000Z',
      },
      effect: { pointsPerUnit: 1.5, fixedPoints: 20 },
      limits: { perMemberPerDay: 2 },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = rule;
    expect(toRuleBody(toRuleValues(rule, toMajor), toMinor)).toEqual(rest);
  });
});

describe('try a basket', () => {
  it('simulates for the picked member, else the card number, with prices in minor units', () => {
    const values = {
      cardNumber: ' 7426 ',
      channel: 'store' as const,
      storeId: '',
      lines: [{ sku: 'COF-1', category: '', quantity: 2, unitPrice: 10 }],
    };
    expect(toCheckoutBody(values, 'm1', toMinor)).toMatchObject({
      member: { id: 'm1' },
      channel: 'store',
      lines: [{ sku: 'COF-1', quantity: 2, unitPrice: 1000 }],
    });
    expect(toCheckoutBody(values, null, toMinor).member).toEqual({ cardNumber: '7426' });
  });

  it('counts the points beyond the lines as order bonuses', () => {
    const result = {
      pointsEarned: 70,
      lines: [
        { index: 0, sku: 'A', basePoints: 10, points: 20, appliedRuleIds: [] },
        { index: 1, sku: 'B', basePoints: 0, points: 0, appliedRuleIds: [] },
      ],
    } as unknown as CheckoutResult;
    expect(orderBonus(result)).toBe(50);
  });

  it('writes money in the program currency and the language on screen', () => {
    expect(formatMoney('en', 12345, 'USD', 100)).toBe('US$123.45');
    expect(formatMoney('fa', 12345, 'USD', 100)).toMatch(/۱۲۳٫۴۵/);
    expect(formatMoney('en', 500, 'XYZ', 1)).toContain('500');
  });
});

describe('program and referral translations built at run time', () => {
  for (const [language, tree] of [
    ['en', en],
    ['fa', fa],
  ] as const) {
    it(`has a label and hint for every setting and a word for every status in ${language}`, () => {
      const program = tree.program as unknown as Record<string, Record<string, string>>;
      for (const field of PROGRAM_NUMBER_FIELDS) {
        expect(typeof program.fields?.[field]).toBe('string');
        expect(typeof program.hints?.[field]).toBe('string');
      }
      for (const legend of [
        'general',
        'money',
        'points',
        'redemption',
        'goodwill',
        'notifications',
      ]) {
        expect(typeof program.legend?.[legend]).toBe('string');
      }
      const referrals = tree.referrals as unknown as Record<string, Record<string, string>>;
      for (const field of REFERRAL_NUMBER_FIELDS) {
        expect(typeof referrals.fields?.[field]).toBe('string');
        expect(typeof referrals.hints?.[field]).toBe('string');
      }
      for (const status of STATUSES) {
        expect(typeof referrals.statuses?.[status]).toBe('string');
      }
    });
  }
});

describe('tier translations built at run time', () => {
  for (const [language, tree] of [
    ['en', en],
    ['fa', fa],
  ] as const) {
    it(`has a label, summary and hint for every metric in ${language}`, () => {
      for (const metric of METRICS) {
        expect(typeof tree.tiers.metric[metric]).toBe('string');
        expect(typeof tree.tiers.qualifies[metric]).toBe('string');
        expect(typeof tree.tiers.hints.threshold[metric]).toBe('string');
      }
    });
  }
});

describe('earning rule translations built at run time', () => {
  const keys = [
    ...CHANNELS.map((c) => `channel.${c}`),
    ...WEEKDAYS.map((d) => `weekday.${d}`),
    ...[
      'channels',
      'stores',
      'tiers',
      'categories',
      'skus',
      'minOrderTotal',
      'days',
      'from',
      'until',
    ].map((k) => `summary.${k}`),
  ];
  for (const [language, tree] of [
    ['en', en],
    ['fa', fa],
  ] as const) {
    it(`has them in ${language}`, () => {
      const section = tree.earningRules as unknown as Record<string, Record<string, string>>;
      const missing = keys.filter((key) => {
        const [group, name] = key.split('.') as [string, string];
        return typeof section[group]?.[name] !== 'string';
      });
      expect(missing).toEqual([]);
    });
  }
});
