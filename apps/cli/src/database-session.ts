import { constants } from 'node:os';
import {
  connectDatabase,
  loadConfig,
  openDataSource,
  runningEmbeddedDatabaseUrl,
  takeOverShutdownSignals,
} from '@vafa/platform';
import type { DataSource } from 'typeorm';
import { DATABASE_SCHEMA } from '@vafa/app';

/**
 * Reaches the database a server on the same VAFA_DATA_DIR (or DATABASE_URL) uses: joins a
 * running embedded PostgreSQL, or starts it for the duration of the command. A server that
 * starts meanwhile takes the database over, and then the command leaves it running.
 */
async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await connectDatabase(config, { adopt: false });
  // Ctrl-C or a SIGTERM stops a database this command started, as finishing would.
  takeOverShutdownSignals((signal) => {
    console.error(`Vafa: ${signal} received, stopping`);
    void database.stop().finally(() => process.exit(128 + constants.signals[signal]));
  });
  try {
    return await work(database.url);
  } finally {
    await database.stop();
  }
}

export async function withDataSource<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  return withDatabase(async (url) => {
    const dataSource = await openDataSource(url, DATABASE_SCHEMA, 8);
    try {
      return await work(dataSource);
    } finally {
      await dataSource.destroy();
    }
  });
}

/**
 * The URL of the database in use, without starting one: an embedded database started just to
 * print its URL would be gone by the time anyone used it.
 */
export async function databaseUrlInUse(): Promise<string | null> {
  const config = loadConfig();
  return config.databaseUrl ?? (await runningEmbeddedDatabaseUrl(config.dataDir));
}
