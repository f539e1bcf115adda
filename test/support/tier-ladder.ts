import { bearer, TestApp } from './test-app';

/**
 * A base earning rule (1 point per unit) and the member, silver and gold tiers on spend
 * (0, 10,000 and 50,000 minor units) that several suites qualify members against; answers the
 * tiers' ids by code.
 */
export async function createSpendTierLadder(
  t: TestApp,
  terms: { windowDays: number; downgradeGraceDays: number },
): Promise<Record<string, string>> {
  await t
    .api()
    .post('/v1/earning-rules')
    .set(bearer(t.keys.marketer))
    .send({ name: 'Base', effect: { pointsPerUnit: 1 } })
    .expect(201);
  const tierIds: Record<string, string> = {};
  for (const [code, rank, threshold] of [
    ['member', 0, 0],
    ['silver', 1, 10000],
    ['gold', 2, 50000],
  ] as const) {
    const created = await t
      .api()
      .post('/v1/tiers')
      .set(bearer(t.keys.marketer))
      .send({
        code,
        name: code[0]!.toUpperCase() + code.slice(1),
        rank,
        qualification: { metric: 'spend', threshold, windowDays: terms.windowDays },
        downgradeGraceDays: terms.downgradeGraceDays,
      })
      .expect(201);
    tierIds[code] = created.body.id as string;
  }
  return tierIds;
}
