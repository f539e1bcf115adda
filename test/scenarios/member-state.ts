import { DataSource } from 'typeorm';
import { bearer, TestApp } from '../support/test-app';

/** An instant to the minute, as the scenario files write it: `2025-03-05 11:00`. */
export const minute = (at: string | Date): string =>
  new Date(at).toISOString().slice(0, 16).replace('T', ' ');

const signed = (n: number): string => (n > 0 ? `+${n}` : `${n}`);

interface MeView {
  points: { available: number; pending: number; lifetimeEarned: number };
  tier: { code: string } | null;
}

interface ActivityItem {
  type: string;
  points: number;
  occurredAt: string;
  reference: { tier?: string; change?: string } | null;
}

/** What the member sees of themself in the app: `/v1/me` and their activity, with a fresh token. */
export async function memberView(
  t: TestApp,
  memberId: string,
): Promise<{ me: MeView; activity: string[] }> {
  const token = (
    await t.api().post(`/v1/members/${memberId}/tokens`).set(bearer(t.keys.integration)).expect(201)
  ).body.token as string;
  const me = (await t.api().get('/v1/me').set(bearer(token)).expect(200)).body as MeView;
  const page = await t.api().get('/v1/me/activity?limit=200').set(bearer(token)).expect(200);
  const items = (page.body as { items: ActivityItem[]; nextCursor: string | null }).items;
  const activity = items.map((item) => {
    const tier =
      item.type === 'tier' && item.reference
        ? ` ${item.reference.change} to ${item.reference.tier}`
        : '';
    return `${minute(item.occurredAt)} ${item.type} ${signed(item.points)}${tier}`;
  });
  // Entries of one instant (an order's spend and earn) come in no defined order: sort by text,
  // which is by time first.
  return { me, activity: activity.sort() };
}

/** The member's coupons and perks, as `<reward name>: <status>`, sorted. */
export async function memberPerks(t: TestApp, memberId: string): Promise<string[]> {
  const page = await t
    .api()
    .get(`/v1/members/${memberId}/perks?limit=200`)
    .set(bearer(t.keys.marketer))
    .expect(200);
  const items = (page.body as { items: { name: string; status: string }[] }).items;
  return items.map((p) => `${p.name}: ${p.status}`).sort();
}

/**
 * The member's lots in the order they were written. There is no HTTP endpoint listing lots (the
 * member sees only `expiringSoon`), so this one read goes to the ledger's table.
 */
export async function memberLots(t: TestApp, memberId: string): Promise<string[]> {
  const rows = await t.app.get(DataSource).query<
    {
      kind: string;
      order_id: string | null;
      amount: string;
      remaining: string;
      state: string;
      expires_at: Date | null;
    }[]
  >(
    `SELECT t.kind, t.reference->>'orderId' AS order_id, l.amount, l.remaining, l.state, l.expires_at
     FROM ledger_lots l JOIN ledger_transactions t ON t.member_id = l.member_id AND t.id = l.transaction_id
     WHERE l.member_id = $1 ORDER BY l.created_at, l.id`,
    [memberId],
  );
  return rows.map(
    (r) =>
      `${r.kind}${r.order_id ? ` ${r.order_id}` : ''}: ${Number(r.remaining)} of ${Number(r.amount)} ` +
      `${r.state}, expires ${r.expires_at ? minute(r.expires_at) : 'never'}`,
  );
}

/**
 * The part of `actual` that `expected` names: objects keep only the expected fields (recursively),
 * anything else is taken whole, so that comparing the two shows only what a scenario checks.
 */
export function pickLike(expected: unknown, actual: unknown): unknown {
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isRecord(expected) || !isRecord(actual)) {
    return actual;
  }
  return Object.fromEntries(
    Object.entries(expected).map(([key, value]) => [key, pickLike(value, actual[key])]),
  );
}
