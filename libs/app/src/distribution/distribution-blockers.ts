import type { EntityManager } from 'typeorm';
import {
  DISTRIBUTED_TABLES,
  MEMBER_TABLES,
  plannedTables,
  REFERENCE_TABLES,
  SHARD_LOCAL_TRIGGERS,
} from './distribution-plan';

interface UniqueIndex {
  table: string;
  index: string;
  columns: string[];
}

interface ForeignKey {
  name: string;
  table: string;
  columns: string[];
  referenced: string;
  referencedColumns: string[];
}

/**
 * What would stop Citus from placing the schema as the plan says, in sentences, read from the
 * catalog of a plain PostgreSQL too: a table the plan does not place, a unique index of a
 * distributed table without its distribution column, a nullable distribution column, a foreign
 * key Citus refuses, a trigger not known to be shard-local. Empty when the schema distributes.
 */
export async function findDistributionBlockers(manager: EntityManager): Promise<string[]> {
  const tables = await publicTables(manager);
  const planned = new Set(plannedTables());
  const blockers = [
    ...tables.filter((t) => !planned.has(t)).map((t) => `${t} is not in the distribution plan`),
    ...[...planned].filter((t) => !tables.includes(t)).map((t) => `${t} is planned but missing`),
  ];
  const distributionColumn = new Map(DISTRIBUTED_TABLES.map((t) => [t.table, t.column]));

  for (const { table, column } of DISTRIBUTED_TABLES) {
    const nullable = await manager.query<{ nullable: boolean }[]>(
      `SELECT NOT attnotnull AS nullable FROM pg_attribute
       WHERE attrelid = to_regclass($1) AND attname = $2 AND NOT attisdropped`,
      [`public.${table}`, column],
    );
    if (nullable.length === 0) {
      blockers.push(`${table} has no column ${column} to distribute by`);
    } else if (nullable[0]?.nullable) {
      blockers.push(`${table}.${column} may be null, and Citus needs every row's shard key`);
    }
  }

  for (const index of await uniqueIndexes(manager)) {
    const column = distributionColumn.get(index.table);
    if (column && !index.columns.includes(column)) {
      blockers.push(
        `${index.index} keeps ${index.table}(${index.columns.join(', ')}) unique without the distribution column ${column}: move that uniqueness to a lookup table`,
      );
    }
  }

  const memberTables = new Set(MEMBER_TABLES.map((t) => t.table));
  const referenceTables = new Set(REFERENCE_TABLES);
  for (const fk of await foreignKeys(manager)) {
    const toReference = referenceTables.has(fk.referenced);
    const fromPlaced = referenceTables.has(fk.table) || distributionColumn.has(fk.table);
    // Between member tables, the key must pair the two distribution columns with each other.
    const keyPosition = fk.columns.indexOf(distributionColumn.get(fk.table) ?? '');
    const colocated =
      memberTables.has(fk.table) &&
      memberTables.has(fk.referenced) &&
      keyPosition >= 0 &&
      keyPosition === fk.referencedColumns.indexOf(distributionColumn.get(fk.referenced) ?? '');
    const beforeReferencing =
      !referenceTables.has(fk.table) ||
      REFERENCE_TABLES.indexOf(fk.referenced) < REFERENCE_TABLES.indexOf(fk.table);
    if (!fromPlaced || !((toReference && beforeReferencing) || colocated)) {
      blockers.push(
        `foreign key ${fk.name} from ${fk.table} to ${fk.referenced} is one Citus refuses (allowed: to a reference table listed earlier, or between colocated member tables on their distribution columns)`,
      );
    }
  }

  const known = new Set(SHARD_LOCAL_TRIGGERS);
  for (const { table, trigger } of await userTriggers(manager)) {
    if (!known.has(trigger)) {
      blockers.push(
        `trigger ${trigger} on ${table} is not known to be shard-local: Citus would run it on each shard without the rest of the table`,
      );
    }
  }
  return blockers;
}

async function publicTables(manager: EntityManager): Promise<string[]> {
  const rows = await manager.query<{ table: string }[]>(
    `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
  );
  return rows.map((r) => r.table);
}

async function uniqueIndexes(manager: EntityManager): Promise<UniqueIndex[]> {
  return manager.query<UniqueIndex[]>(
    `SELECT t.relname AS table, i.relname AS index,
            array(SELECT a.attname::text FROM unnest(x.indkey::int2[]) k
                  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k) AS columns
     FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND (x.indisunique OR x.indisexclusion)`,
  );
}

async function foreignKeys(manager: EntityManager): Promise<ForeignKey[]> {
  return manager.query<ForeignKey[]>(
    `SELECT c.conname AS name, t.relname AS table, r.relname AS referenced,
            array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o) AS columns,
            array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
                  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)
              AS "referencedColumns"
     FROM pg_constraint c
     JOIN pg_class t ON t.oid = c.conrelid
     JOIN pg_class r ON r.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND c.contype = 'f'`,
  );
}

async function userTriggers(manager: EntityManager): Promise<{ table: string; trigger: string }[]> {
  return manager.query<{ table: string; trigger: string }[]>(
    `SELECT t.relname AS table, g.tgname AS trigger
     FROM pg_trigger g
     JOIN pg_class t ON t.oid = g.tgrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND NOT g.tgisinternal`,
  );
}
