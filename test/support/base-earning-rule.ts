import { ledgerOf } from './ledger-helpers';
import { bearer, startTestApp, TestApp } from './test-app';

/** A test app whose program earns 1 point per currency unit (one base earning rule). */
export async function startAppEarningOnePointPerUnit(): Promise<TestApp> {
  const t = await startTestApp();
  await t
    .api()
    .post('/v1/earning-rules')
    .set(bearer(t.keys.marketer))
    .send({ name: 'Base', priority: 0, effect: { pointsPerUnit: 1 } })
    .expect(201);
  return t;
}

/** Closes the app once the ledger's audit balances (the end of every money-moving suite). */
export async function closeAfterBalancedAudit(t: TestApp): Promise<void> {
  expect((await ledgerOf(t).audit()).balanced).toBe(true);
  await t.close();
}
