import { DataSource } from 'typeorm';
import type { TestApp } from '../support/test-app';

export interface StoredEvent {
  memberId: string | null;
  data: Record<string, unknown>;
}

/** The events of a type in the outbox, in the order they were written. */
export async function eventsOf(t: TestApp, type: string): Promise<StoredEvent[]> {
  const rows = await t.app
    .get(DataSource)
    .query<{ member_id: string | null; data: Record<string, unknown> }[]>(
      'SELECT member_id, data FROM events WHERE type = $1 ORDER BY id',
      [type],
    );
  return rows.map((r) => ({ memberId: r.member_id, data: r.data }));
}

/** The events of a type about one member. */
export async function eventsFor(
  t: TestApp,
  type: string,
  memberId: string,
): Promise<StoredEvent[]> {
  return (await eventsOf(t, type)).filter((e) => e.memberId === memberId);
}

export const DAY = 86_400_000;
export const days = (from: Date, n: number): Date => new Date(from.getTime() + n * DAY);
