import { rm } from 'node:fs/promises';
import type { RunningDatabase } from '@vafa/platform';

export default async function globalTeardown(): Promise<void> {
  const database = (globalThis as { vafaTestDatabase?: RunningDatabase }).vafaTestDatabase;
  await database?.stop();
  const dataDir = process.env.VAFA_TEST_DATA_DIR;
  if (dataDir) {
    await rm(dataDir, { recursive: true, force: true });
  }
}
