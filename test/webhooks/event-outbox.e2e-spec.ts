import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventOutbox, inTransaction } from '@vafa/platform';
import { startTestApp, TestApp } from '../support/test-app';

interface EventRow {
  id: string;
  type: string;
  member_id: string | null;
  member_seq: string | null;
  data: Record<string, unknown>;
}

describe('the event outbox', () => {
  let t: TestApp;
  let db: DataSource;
  let outbox: EventOutbox;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    outbox = t.app.get(EventOutbox);
  });
  afterAll(() => t.close());

  const eventsOf = (memberId: string): Promise<EventRow[]> =>
    db.query<EventRow[]>(`SELECT * FROM events WHERE member_id = $1 ORDER BY member_seq`, [
      memberId,
    ]);

  it('writes nothing when the transaction rolls back, and the number is not used up', async () => {
    const memberId = randomUUID();
    await expect(
      db.transaction(async (manager) => {
        await outbox.emit(manager, { type: 'points.earned', memberId, data: { points: 5 } });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await eventsOf(memberId)).toEqual([]);

    const id = await db.transaction((manager) =>
      outbox.emit(manager, { type: 'points.earned', memberId, data: { points: 7 } }),
    );
    expect(await eventsOf(memberId)).toEqual([
      expect.objectContaining({ id, type: 'points.earned', member_seq: '1', data: { points: 7 } }),
    ]);
  });

  it('numbers one member’s events 1..10 without gaps or duplicates under concurrency', async () => {
    const memberId = randomUUID();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        inTransaction(db, async (manager) => {
          await outbox.emit(manager, { type: 'member.updated', memberId, data: { i } });
          await manager.query(`SELECT pg_sleep(0.02)`); // hold the transaction open together
        }),
      ),
    );
    const seqs = (await eventsOf(memberId)).map((e) => Number(e.member_seq));
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('emits an event without a member with no sequence number', async () => {
    const id = await db.transaction((manager) =>
      outbox.emit(manager, { type: 'campaign.run_completed', data: { runId: 'r1' } }),
    );
    const [row] = await db.query<EventRow[]>(`SELECT * FROM event_log WHERE id = $1`, [id]);
    expect(row).toMatchObject({ member_id: null, member_seq: null, data: { runId: 'r1' } });
  });

  it('emits many in one go, continuing each member’s numbering in the order given', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await db.transaction((manager) =>
      outbox.emit(manager, { type: 'points.earned', memberId: a, data: { n: 0 } }),
    );
    const ids = await db.transaction((manager) =>
      outbox.emitMany(manager, [
        { type: 'points.expiring_soon', memberId: a, data: { n: 1 } },
        { type: 'points.expiring_soon', memberId: b, data: { n: 1 } },
        { type: 'campaign.run_completed', data: { n: 1 } },
        { type: 'points.expiring_soon', memberId: a, data: { n: 2 } },
        { type: 'points.expiring_soon', memberId: b, data: { n: 2 } },
        { type: 'points.expiring_soon', memberId: a, data: { n: 3 } },
      ]),
    );
    expect(ids).toHaveLength(6);
    expect((await eventsOf(a)).map((e) => [e.member_seq, e.data.n])).toEqual([
      ['1', 0],
      ['2', 1],
      ['3', 2],
      ['4', 3],
    ]);
    expect((await eventsOf(b)).map((e) => [e.member_seq, e.data.n])).toEqual([
      ['1', 1],
      ['2', 2],
    ]);
  });

  it('keeps numbering right when emitMany and emit race for the same members', async () => {
    const members = [randomUUID(), randomUUID(), randomUUID()];
    await Promise.all([
      ...Array.from({ length: 4 }, () =>
        inTransaction(db, (manager) =>
          outbox.emitMany(
            manager,
            [...members, ...members].map((memberId) => ({
              type: 'points.expiring_soon' as const,
              memberId,
              data: {},
            })),
          ),
        ),
      ),
      ...members.map((memberId) =>
        inTransaction(db, (manager) =>
          outbox.emit(manager, { type: 'member.updated', memberId, data: {} }),
        ),
      ),
    ]);
    for (const memberId of members) {
      const seqs = (await eventsOf(memberId)).map((e) => Number(e.member_seq));
      expect(seqs).toEqual(Array.from({ length: 9 }, (_, i) => i + 1));
    }
  });
});
