import { connectDatabase, loadConfig, openDataSource } from '@vafa/platform';
import type { DataSource } from 'typeorm';
import { DATABASE_SCHEMA } from '../../api/src/database-schema';

/**
 * Reaches the database a server on the same VAFA_DATA_DIR (or DATABASE_URL) uses: joins a
 * running embedded PostgreSQL, or starts it for the duration of the command.
 */
export async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await connectDatabase(config, { adopt: false });
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
