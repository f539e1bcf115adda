import type { Client } from 'pg';
import {
  phaseCounters,
  type PhaseCounters,
  sampleCpuWindow,
  type ServerSnapshot,
  serverSnapshot,
  type CpuWindow,
} from './counters';
import { resetStatements } from './profile';

/** Server counters at both edges of a measured run, CPU sampled inside it. */
export function measuredWindow(options: {
  admin: Client;
  database: string;
  seconds: number;
  profile: boolean;
  postmaster: number | null;
}) {
  const { admin, database, profile } = options;
  let before: ServerSnapshot | undefined;
  let after: ServerSnapshot | undefined;
  let cpu: Promise<CpuWindow> | undefined;
  return {
    begin: async (): Promise<void> => {
      if (profile) {
        await resetStatements(admin);
      }
      before = await serverSnapshot(admin, database);
      cpu = sampleCpuWindow(options.seconds * 1000, options.postmaster).catch(() => ({
        seconds: 0,
        busyCores: null,
        iowaitCores: null,
        stealCores: null,
        interruptCores: null,
        byGroup: {},
      }));
    },
    end: async (): Promise<void> => {
      after = await serverSnapshot(admin, database);
    },
    /** Resolves once the CPU sample's last reading is taken (keep the processes alive until then). */
    sampled: async (): Promise<void> => {
      await cpu;
    },
    counters: async (units: number, unitsPerSecond: number): Promise<PhaseCounters | null> => {
      if (!before || !after || !cpu) {
        return null;
      }
      return phaseCounters(admin, { before, after, cpu: await cpu }, units, unitsPerSecond);
    },
  };
}
