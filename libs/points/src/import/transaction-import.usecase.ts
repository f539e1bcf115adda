import type { DataSource, EntityManager } from 'typeorm';
import { constraintOf, inTransaction, sqlState } from '@vafa/platform';
import {
  type MemberIdentifierDraws,
  MemberImportRepository,
  type PreparedMembers,
} from '@vafa/members';
import type { ImportRow } from './transaction-row';

export interface BatchOutcome {
  membersCreated: number;
  ordersImported: number;
}

/** A batch with its statement parameters built, ready to be sent. */
export interface PreparedBatch {
  rows: readonly ImportRow[];
  /** The members it names, drawn for by the members' import. */
  members: PreparedMembers;
  /** `$2`–`$6` of the orders statement (`$1` is the members' ids, known once they are written). */
  orderParameters: unknown[];
}

/**
 * A PostgreSQL array literal of values that need no quoting (uuids, ISO times, integers,
 * channels): built directly, because node-postgres escapes and quotes every element of an array
 * parameter, which costs more than the rest of a batch's preparation.
 */
const plainArrayLiteral = (values: readonly (string | number)[]): string => `{${values.join(',')}}`;

/**
 * The orders of a batch in one statement, each naming its member by position k in `$1` (the
 * member ids by position; null for a member that could not be resolved, whose orders wait for
 * the slow path). The `strict` form fails on an order id that exists (cheaper when nothing
 * does); the `tolerant` form leaves existing orders alone, so a batch written twice changes
 * nothing the second time.
 */
const placeOrdersStatement = (form: 'strict' | 'tolerant'): string => `
  WITH placed AS (
    INSERT INTO orders (member_id, id, order_id, channel, occurred_at, subtotal, total, source)
    SELECT m.id, gen_random_uuid(), r.order_id, r.channel, r.occurred_at, r.amount, r.amount, 'import'
    FROM unnest($2::bigint[], $3::text[], $4::text[], $5::timestamptz[], $6::bigint[])
      AS r(k, order_id, channel, occurred_at, amount)
    JOIN unnest($1::uuid[]) WITH ORDINALITY AS m(id, k) ON m.k = r.k
    WHERE m.id IS NOT NULL
    ${form === 'tolerant' ? 'ON CONFLICT (order_id) DO NOTHING' : ''}
    RETURNING 1
  )
  SELECT count(*)::int AS n FROM placed`;
const PLACE_NEW_ORDERS = placeOrdersStatement('strict');
const PLACE_ANY_ORDERS = placeOrdersStatement('tolerant');
const UNIQUE_VIOLATION = '23505';
const ORDER_ID_INDEX = 'uq_orders_order_id';

/** External id → the earliest purchase of theirs among the rows (a new member joined then). */
const firstPurchases = (rows: readonly ImportRow[]): Map<string, Date> => {
  const firstSeen = new Map<string, Date>();
  for (const row of rows) {
    const seen = firstSeen.get(row.externalId);
    if (!seen || row.occurredAt < seen) {
      firstSeen.set(row.externalId, row.occurredAt);
    }
  }
  return firstSeen;
};

/**
 * Writes purchases batch by batch. `prepare` builds a batch's parameters (CPU work an import
 * can do while the previous batch is being written) and `write` sends it in one transaction: the
 * members' import creates the members it names (with member.enrolled), then one statement
 * places the orders.
 */
export class TransactionImportWriter {
  private readonly members: MemberImportRepository;
  /** Set once a batch met orders that were already there: the file was (partly) imported before. */
  private overlapsEarlierImport = false;

  constructor(
    private readonly dataSource: DataSource,
    draw?: MemberIdentifierDraws,
  ) {
    this.members = new MemberImportRepository(draw);
  }

  prepare(rows: readonly ImportRow[]): PreparedBatch {
    // Map iteration follows insertion: a member's position is the order of first appearance.
    const firstSeen = firstPurchases(rows);
    const positions = new Map([...firstSeen.keys()].map((externalId, i) => [externalId, i + 1]));
    return {
      rows,
      members: this.members.prepare(firstSeen),
      orderParameters: [
        plainArrayLiteral(rows.map((r) => positions.get(r.externalId) ?? 0)),
        rows.map((r) => r.orderId),
        plainArrayLiteral(rows.map((r) => r.channel)),
        plainArrayLiteral(rows.map((r) => r.occurredAt.toISOString())),
        plainArrayLiteral(rows.map((r) => r.amount)),
      ],
    };
  }

  async write(batch: PreparedBatch): Promise<BatchOutcome> {
    if (!this.overlapsEarlierImport) {
      try {
        return await this.send('strict', batch);
      } catch (error) {
        if (sqlState(error) !== UNIQUE_VIOLATION) {
          throw error;
        }
        // The transaction wrote nothing. A taken card number concerns this batch only; orders
        // already there mean the rest of the file has likely been imported before too.
        if (constraintOf(error) === ORDER_ID_INDEX) {
          this.overlapsEarlierImport = true;
        }
      }
    }
    return this.send('tolerant', batch);
  }

  private async send(form: 'strict' | 'tolerant', batch: PreparedBatch): Promise<BatchOutcome> {
    const result = await inTransaction(this.dataSource, async (manager) => {
      const members = await this.members.createMissing(manager, batch.members, form);
      const [placed] = await manager.query<{ n: number }[]>(
        form === 'strict' ? PLACE_NEW_ORDERS : PLACE_ANY_ORDERS,
        [plainArrayLiteral(members.ids.map((id) => id ?? 'NULL')), ...batch.orderParameters],
      );
      return { members, ordersImported: placed?.n ?? 0 };
    });
    const outcome = {
      membersCreated: result.members.membersCreated,
      ordersImported: result.ordersImported,
    };
    if (result.members.unresolved.length === 0) {
      return outcome;
    }
    const unresolved = new Set(result.members.unresolved);
    const rest = await this.writeStepByStep(batch.rows.filter((r) => unresolved.has(r.externalId)));
    return {
      membersCreated: outcome.membersCreated + rest.membersCreated,
      ordersImported: outcome.ordersImported + rest.ordersImported,
    };
  }

  /** The slow path for the few members the batch statement could not create. */
  private writeStepByStep(rows: readonly ImportRow[]): Promise<BatchOutcome> {
    return inTransaction(this.dataSource, async (manager: EntityManager) => {
      const { ids, membersCreated } = await this.members.ensure(manager, firstPurchases(rows));
      const memberIds = rows.map((row) => {
        const id = ids.get(row.externalId);
        if (!id) {
          throw new Error(`member ${row.externalId} vanished during the import`);
        }
        return id;
      });
      const [inserted] = await manager.query<{ n: number }[]>(
        `WITH inserted AS (
           INSERT INTO orders (member_id, id, order_id, channel, occurred_at, subtotal, total, source)
           SELECT r.member_id, gen_random_uuid(), r.order_id, r.channel, r.occurred_at, r.amount, r.amount, 'import'
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::bigint[])
             AS r(member_id, order_id, channel, occurred_at, amount)
           ON CONFLICT (order_id) DO NOTHING
           RETURNING 1
         )
         SELECT count(*)::int AS n FROM inserted`,
        [
          memberIds,
          rows.map((r) => r.orderId),
          rows.map((r) => r.channel),
          rows.map((r) => r.occurredAt.toISOString()),
          rows.map((r) => r.amount),
        ],
      );
      return { membersCreated, ordersImported: inserted?.n ?? 0 };
    });
  }
}
