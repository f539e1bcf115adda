import type { DataSource, EntityManager } from 'typeorm';
import {
  DISTRIBUTED_TABLES,
  MEMBER_ANCHOR,
  MEMBER_TABLES,
  type DistributedTable,
  REFERENCE_TABLES,
} from './distribution-plan';
import { findDistributionBlockers } from './distribution-blockers';

/** The database cannot be distributed; the message says why in a sentence for the operator. */
export class DistributionRefused extends Error {}

export type TablePlacement = 'reference' | 'distributed';

export interface DistributionStep {
  table: string;
  placement: TablePlacement;
  /** `created` now, or `kept`: it already was what the plan says. */
  outcome: 'created' | 'kept';
}

export interface DistributionReport {
  citusVersion: string;
  workers: number;
  steps: DistributionStep[];
}

interface CitusPlacement {
  table: string;
  /** `h` hash-distributed, `n` reference (none), others not used by Vafa. */
  method: string;
  column: string | null;
}

/**
 * Makes a migrated database on a Citus coordinator what the distribution plan says: reference
 * tables first (in foreign-key order), then `members` and the tables colocated with it, then the
 * lookup tables. Idempotent: tables already placed as planned are kept; a table placed otherwise,
 * or a table the plan does not know, refuses the whole run before anything changes.
 */
export async function distributeDatabase(dataSource: DataSource): Promise<DistributionReport> {
  const manager = dataSource.manager;
  const citusVersion = await citusExtensionVersion(manager);
  await refuseBlockedSchema(manager);
  const placed = await currentPlacements(manager);
  refuseMisplacedTables(placed);
  const workers = await activeWorkers(manager);

  const steps: DistributionStep[] = [];
  for (const table of REFERENCE_TABLES) {
    const kept = placed.has(table);
    if (!kept) {
      const hadRows = await hasRows(manager, table);
      await manager.query('SELECT create_reference_table($1)', [table]);
      if (hadRows) {
        await dropLocalCopy(dataSource, table);
      }
    }
    steps.push({ table, placement: 'reference', outcome: kept ? 'kept' : 'created' });
  }
  for (const planned of DISTRIBUTED_TABLES) {
    const kept = placed.has(planned.table);
    if (!kept) {
      await createDistributedTable(dataSource, planned);
    }
    steps.push({
      table: planned.table,
      placement: 'distributed',
      outcome: kept ? 'kept' : 'created',
    });
  }
  return { citusVersion, workers, steps };
}

async function citusExtensionVersion(manager: EntityManager): Promise<string> {
  const rows = await manager.query<{ version: string }[]>(
    `SELECT extversion AS version FROM pg_extension WHERE extname = 'citus'`,
  );
  const version = rows[0]?.version;
  if (!version) {
    throw new DistributionRefused(
      'This database has no citus extension, so there is nothing to distribute over: point DATABASE_URL at a Citus coordinator (where CREATE EXTENSION citus has run) and try again. On plain PostgreSQL Vafa needs no distribution step.',
    );
  }
  return version;
}

async function refuseBlockedSchema(manager: EntityManager): Promise<void> {
  const blockers = await findDistributionBlockers(manager);
  if (blockers.length > 0) {
    throw new DistributionRefused(
      `The schema cannot be distributed as it stands (run "vafa migration run" with this version of Vafa first):\n${blockers.map((b) => `- ${b}`).join('\n')}`,
    );
  }
}

async function currentPlacements(manager: EntityManager): Promise<Map<string, CitusPlacement>> {
  const rows = await manager.query<CitusPlacement[]>(
    `SELECT logicalrelid::regclass::text AS table, partmethod AS method,
            CASE WHEN partmethod = 'h' THEN column_to_column_name(logicalrelid, partkey) END AS column
     FROM pg_dist_partition`,
  );
  return new Map(rows.map((r) => [r.table.replace(/^"(.*)"$/, '$1'), r]));
}

function refuseMisplacedTables(placed: Map<string, CitusPlacement>): void {
  const wrong: string[] = [];
  for (const table of REFERENCE_TABLES) {
    const now = placed.get(table);
    if (now && now.method !== 'n') {
      wrong.push(`${table} should be a reference table`);
    }
  }
  for (const { table, column } of DISTRIBUTED_TABLES) {
    const now = placed.get(table);
    if (now && (now.method !== 'h' || now.column !== column)) {
      wrong.push(`${table} should be hash-distributed by ${column}`);
    }
  }
  if (wrong.length > 0) {
    throw new DistributionRefused(
      `Some tables are already placed differently from Vafa's plan (${wrong.join('; ')}); undo that with undistribute_table() and run "vafa db distribute" again.`,
    );
  }
}

async function activeWorkers(manager: EntityManager): Promise<number> {
  const rows = await manager.query<{ n: number }[]>(
    'SELECT count(*)::int AS n FROM citus_get_active_worker_nodes()',
  );
  return rows[0]?.n ?? 0;
}

async function createDistributedTable(
  dataSource: DataSource,
  { table, column }: DistributedTable,
): Promise<void> {
  const colocated = MEMBER_TABLES.some((t) => t.table === table) && table !== MEMBER_ANCHOR;
  const hadRows = await hasRows(dataSource.manager, table);
  await dataSource.transaction(async (manager) => {
    // The ledger's append-only guards raise and touch no other table, so they are as strict on
    // each shard as on one table: what `enable_unsafe_triggers` asks the operator to vouch for.
    await manager.query('SET LOCAL citus.enable_unsafe_triggers = on');
    await manager.query(
      colocated
        ? 'SELECT create_distributed_table($1, $2, colocate_with => $3)'
        : 'SELECT create_distributed_table($1, $2)',
      colocated ? [table, column, MEMBER_ANCHOR] : [table, column],
    );
  });
  if (hadRows) {
    await dropLocalCopy(dataSource, table);
  }
}

/**
 * Citus copies existing rows into the shards and leaves the coordinator's own copy behind;
 * the copy is dropped in a transaction that skips the append-only guards (this truncation
 * removes no history: the shards hold it).
 */
async function dropLocalCopy(dataSource: DataSource, table: string): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query('SET LOCAL session_replication_role = replica');
    await manager.query('SELECT truncate_local_data_after_distributing_table($1)', [table]);
  });
}

/** Asked while the table is still local: afterwards its reads go to the shards. */
async function hasRows(manager: EntityManager, table: string): Promise<boolean> {
  const rows = await manager.query<{ has: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM ${quoteIdent(table)}) AS has`,
  );
  return rows[0]?.has === true;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
