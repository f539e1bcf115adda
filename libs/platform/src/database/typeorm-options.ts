import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { DataSource } from 'typeorm';

export interface DatabaseSchema {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/** The one place TypeORM is configured, for the servers, the CLI and the tests. */
export function typeOrmOptions(
  url: string,
  schema: DatabaseSchema,
  poolSize = 20,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    logging: false,
    extra: {
      max: poolSize,
      application_name: 'vafa',
      // A server that accepts connections but never answers fails requests instead of hanging them.
      connectionTimeoutMillis: 5000,
      // Queries are written without waiting for the answers of the ones ahead: a transaction's
      // statements whose answers it does not need cost no round trip (see inTransaction).
      pipeline: true,
    },
  };
}

export async function openDataSource(
  url: string,
  schema: DatabaseSchema,
  poolSize?: number,
): Promise<DataSource> {
  const dataSource = new DataSource(typeOrmOptions(url, schema, poolSize));
  return dataSource.initialize();
}

export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}

/**
 * Undoes the most recently applied migration (its `down`, in one transaction) and returns its
 * name, or null when none has been applied.
 */
export async function revertLastMigration(dataSource: DataSource): Promise<string | null> {
  const [last] = await dataSource.query<{ name: string }[]>(
    `SELECT name FROM ${dataSource.options.migrationsTableName ?? 'migrations'} ORDER BY id DESC LIMIT 1`,
  );
  if (!last) {
    return null;
  }
  await dataSource.undoLastMigration({ transaction: 'each' });
  return last.name;
}
