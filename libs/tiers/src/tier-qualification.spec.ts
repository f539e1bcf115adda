import { decideTier, TierRule } from './tier-qualification';

const DAY = 86_400_000;
const tiers: TierRule[] = [
  { code: 'base', rank: 0, threshold: 0, downgradeGraceDays: 0 },
  { code: 'silver', rank: 1, threshold: 1000, downgradeGraceDays: 30 },
  { code: 'gold', rank: 2, threshold: 5000, downgradeGraceDays: 60 },
];
const now = new Date('2026-11-24T00:00:00Z');
const values = (silver: number, gold = silver): Map<string, number> =>
  new Map([
    ['silver', silver],
    ['gold', gold],
  ]);

describe('decideTier (golden scenarios)', () => {
  it.each([
    [
      'a new member starts in the lowest tier',
      values(0),
      null,
      false,
      { code: 'base', change: null },
    ],
    [
      'crossing a threshold upgrades at once, at checkout',
      values(1000),
      null,
      false,
      { code: 'silver', change: 'upgrade' },
    ],
    [
      'one short of the threshold does not',
      values(999),
      null,
      false,
      { code: 'base', change: null },
    ],
    [
      'a big purchase can skip a tier',
      values(6000),
      { code: 'base', belowSince: null },
      false,
      { code: 'gold', change: 'upgrade' },
    ],
    [
      'checkout never downgrades',
      values(0),
      { code: 'gold', belowSince: null },
      false,
      { code: 'gold', change: null },
    ],
  ] as const)('%s', (_, v, standing, nightly, expected) => {
    expect(decideTier(tiers, v, standing, now, nightly)).toMatchObject(expected);
  });

  it('starts the grace period the first night a member falls short, and keeps the tier', () => {
    expect(decideTier(tiers, values(1200), { code: 'gold', belowSince: null }, now, true)).toEqual({
      code: 'gold',
      belowSince: now,
      change: null,
    });
  });

  it('downgrades when the grace period of the current tier has passed (edge inclusive)', () => {
    const since = new Date(now.getTime() - 60 * DAY);
    const justBefore = new Date(now.getTime() - 60 * DAY + 1);
    expect(
      decideTier(tiers, values(1200), { code: 'gold', belowSince: justBefore }, now, true)?.change,
    ).toBeNull();
    expect(decideTier(tiers, values(1200), { code: 'gold', belowSince: since }, now, true)).toEqual(
      {
        code: 'silver',
        belowSince: null,
        change: 'downgrade',
      },
    );
  });

  it('clears the grace period when the member qualifies again', () => {
    const since = new Date(now.getTime() - 10 * DAY);
    expect(decideTier(tiers, values(5000), { code: 'gold', belowSince: since }, now, true)).toEqual(
      {
        code: 'gold',
        belowSince: null,
        change: null,
      },
    );
  });

  it('counts returns: a value pushed back under the threshold by a return starts the grace', () => {
    const afterReturn = values(999);
    expect(
      decideTier(tiers, afterReturn, { code: 'silver', belowSince: null }, now, true),
    ).toMatchObject({
      code: 'silver',
      belowSince: now,
    });
  });

  it('treats a member of a deleted tier as in the lowest tier', () => {
    expect(
      decideTier(tiers, values(2000), { code: 'platinum', belowSince: null }, now, true),
    ).toMatchObject({
      code: 'silver',
      change: 'upgrade',
    });
  });

  it('does not move a held assignment down, nor start its grace, before the hold ends', () => {
    const heldUntil = new Date(now.getTime() + DAY);
    const held = { code: 'gold', belowSince: null, heldUntil };
    expect(decideTier(tiers, values(0), held, now, true)).toEqual({
      code: 'gold',
      belowSince: null,
      change: null,
    });
    const over = { ...held, heldUntil: now };
    expect(decideTier(tiers, values(0), over, now, true)).toMatchObject({
      code: 'gold',
      belowSince: now,
    });
  });

  it('still upgrades a member above a held assignment', () => {
    const held = { code: 'silver', belowSince: null, heldUntil: new Date(now.getTime() + DAY) };
    expect(decideTier(tiers, values(6000), held, now, false)).toMatchObject({
      code: 'gold',
      change: 'upgrade',
    });
  });
});
