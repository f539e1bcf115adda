import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  constraintOf,
  deferredQuery,
  inTransaction,
  type PreparedStatement,
  sqlState,
} from '@vafa/platform';
import {
  type MemberIdentifierDraws,
  MemberImportRepository,
  type PreparedMembers,
} from '@vafa/members';
import { ORDER_ID_TAKEN } from '../orders/order-ids';
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
  /**
   * `$2`–`$7` of the orders statement, the first three also of the order ids' (`$1` is the
   * members' ids, known once they are written).
   */
  orderParameters: OrderParameters;
}

/** Positions, order ids, order uuids, channels, times, amounts: one element per order. */
type OrderParameters = [string, string[], string, string, string, string];

/**
 * A PostgreSQL array literal of values that need no quoting (uuids, ISO times, integers,
 * channels): built directly, because node-postgres escapes and quotes every element of an array
 * parameter, which costs more than the rest of a batch's preparation.
 */
const plainArrayLiteral = (values: readonly (string | number)[]): string => `{${values.join(',')}}`;

/**
 * The orders of a batch, each naming its member by position k in `$1` (the member ids by
 * position; null for a member that could not be resolved, whose orders wait for the slow path),
 * in two statements: the order ids' lookup rows, then the orders (on a Citus cluster they live on
 * different nodes, which one statement may not both write). The `strict` form fails on an order
 * id that exists (cheaper when nothing does); the `tolerant` form leaves existing orders alone,
 * so a batch written twice changes nothing the second time: it places only the orders whose
 * lookup rows it wrote (`$8`, the uuids the first statement returned).
 */
const placeOrderIdsStatement = (form: 'strict' | 'tolerant'): string => `
  INSERT INTO order_ids (order_id, member_id, order_uuid)
  SELECT r.order_id, m.id, r.id
  FROM unnest($2::bigint[], $3::text[], $4::uuid[]) AS r(k, order_id, id)
  JOIN unnest($1::uuid[]) WITH ORDINALITY AS m(id, k) ON m.k = r.k
  WHERE m.id IS NOT NULL
  ${form === 'tolerant' ? 'ON CONFLICT (order_id) DO NOTHING RETURNING order_uuid' : ''}`;
const placeOrdersStatement = (form: 'strict' | 'tolerant'): string => `
  WITH placed AS (
    INSERT INTO orders (member_id, id, order_id, channel, occurred_at, subtotal, total, source)
    SELECT m.id, r.id, r.order_id, r.channel, r.occurred_at, r.amount, r.amount, 'import'
    FROM unnest($2::bigint[], $3::text[], $4::uuid[], $5::text[], $6::timestamptz[], $7::bigint[])
      AS r(k, order_id, id, channel, occurred_at, amount)
    JOIN unnest($1::uuid[]) WITH ORDINALITY AS m(id, k) ON m.k = r.k
    WHERE m.id IS NOT NULL
    ${form === 'tolerant' ? 'AND r.id = ANY($8::uuid[])' : ''}
    RETURNING 1
  )
  SELECT count(*)::int AS n FROM placed`;
/** Sent without waiting: a taken order id fails the orders statement behind it. */
const PLACE_NEW_ORDER_IDS: PreparedStatement = {
  name: 'vafa_import_order_ids_strict',
  text: placeOrderIdsStatement('strict'),
};
const PLACE_ANY_ORDER_IDS = placeOrderIdsStatement('tolerant');
const PLACE_NEW_ORDERS = placeOrdersStatement('strict');
const PLACE_ANY_ORDERS = placeOrdersStatement('tolerant');
const UNIQUE_VIOLATION = '23505';

const orderParameters = (
  rows: readonly ImportRow[],
  position: (row: ImportRow, index: number) => number,
): OrderParameters => [
  plainArrayLiteral(rows.map(position)),
  rows.map((r) => r.orderId),
  plainArrayLiteral(rows.map(() => randomUUID())),
  plainArrayLiteral(rows.map((r) => r.channel)),
  plainArrayLiteral(rows.map((r) => r.occurredAt.toISOString())),
  plainArrayLiteral(rows.map((r) => r.amount)),
];

/** Writes the orders' lookup rows, then the orders; how many orders were placed. */
async function placeOrders(
  manager: EntityManager,
  form: 'strict' | 'tolerant',
  memberIds: string,
  parameters: OrderParameters,
): Promise<number> {
  const [positions, orderIds, orderUuids] = parameters;
  const orderIdParameters = [memberIds, positions, orderIds, orderUuids];
  let placed: { n: number }[];
  if (form === 'strict') {
    await deferredQuery(manager, PLACE_NEW_ORDER_IDS, orderIdParameters);
    placed = await manager.query<{ n: number }[]>(PLACE_NEW_ORDERS, [memberIds, ...parameters]);
  } else {
    const claimed = await manager.query<{ order_uuid: string }[]>(
      PLACE_ANY_ORDER_IDS,
      orderIdParameters,
    );
    placed = await manager.query<{ n: number }[]>(PLACE_ANY_ORDERS, [
      memberIds,
      ...parameters,
      plainArrayLiteral(claimed.map((c) => c.order_uuid)),
    ]);
  }
  return placed[0]?.n ?? 0;
}

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
      orderParameters: orderParameters(rows, (r) => positions.get(r.externalId) ?? 0),
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
        if (constraintOf(error) === ORDER_ID_TAKEN) {
          this.overlapsEarlierImport = true;
        }
      }
    }
    return this.send('tolerant', batch);
  }

  private async send(form: 'strict' | 'tolerant', batch: PreparedBatch): Promise<BatchOutcome> {
    const result = await inTransaction(this.dataSource, async (manager) => {
      const members = await this.members.createMissing(manager, batch.members, form);
      const memberIds = plainArrayLiteral(members.ids.map((id) => id ?? 'NULL'));
      const ordersImported = await placeOrders(manager, form, memberIds, batch.orderParameters);
      return { members, ordersImported };
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
      // Each row its own position in the member ids.
      const ordersImported = await placeOrders(
        manager,
        'tolerant',
        plainArrayLiteral(memberIds),
        orderParameters(rows, (_, i) => i + 1),
      );
      return { membersCreated, ordersImported };
    });
  }
}
