import { bearer, TestApp } from './test-app';

export type TierStep = readonly [code: string, rank: number, threshold: number];

/** The member, silver and gold tiers on spend (0, 10,000 and 50,000 minor units). */
export const SPEND_LADDER: readonly TierStep[] = [
  ['member', 0, 0],
  ['silver', 1, 10000],
  ['gold', 2, 50000],
];

/**
 * A base earning rule (1 point per unit) and spend tiers (by default SPEND_LADDER, created in
 * the order given) that several suites qualify members against; answers the tiers' ids by code.
 */
export async function createSpendTierLadder(
  t: TestApp,
  terms: { windowDays: number; downgradeGraceDays?: number },
  steps: readonly TierStep[] = SPEND_LADDER,
): Promise<Record<string, string>> {
  await t
    .api()
    .post('/v1/earning-rules')
    .set(bearer(t.keys.marketer))
    .send({ name: 'Base', effect: { pointsPerUnit: 1 } })
    .expect(201);
  const tierIds: Record<string, string> = {};
  for (const [code, rank, threshold] of steps) {
    const created = await t
      .api()
      .post('/v1/tiers')
      .set(bearer(t.keys.marketer))
      .send({
        code,
        name: code.charAt(0).toUpperCase() + code.slice(1),
        rank,
        qualification: { metric: 'spend', threshold, windowDays: terms.windowDays },
        downgradeGraceDays: terms.downgradeGraceDays,
      })
      .expect(201);
    tierIds[code] = created.body.id as string;
  }
  return tierIds;
}
