import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from 'pg';
import { cpuSecondsByGroup, OTHER_PROGRAMS, readProcessTimes, TICKS_PER_SECOND } from './processes';
import { round } from './stats';

/** Server counters at the edges of a measured window. */
export interface ServerSnapshot {
  walLsn: string;
  walFsyncs: number | null;
  commits: number;
}

/** CPU use inside a measured window (its first and last second left out). */
export interface CpuWindow {
  seconds: number;
  /** Whole machine, from /proc/stat; null off Linux. */
  busyCores: number | null;
  iowaitCores: number | null;
  stealCores: number | null;
  /** irq + softirq: the per-process times already contain it here (the sums agree), so not added. */
  interruptCores: number | null;
  /** Cores used per process group (see processes.ts). */
  byGroup: Record<string, number>;
}

export interface PhaseCounters {
  cpuBusyCores: number | null;
  /** CPU that processes this benchmark did not start used meanwhile: above ~0.05, expect noise. */
  otherProgramsCores: number;
  /** Busy CPU no running process accounts for: mostly short-lived processes that ended. */
  unattributedCores: number | null;
  iowaitCores: number | null;
  stealCores: number | null;
  /** Busy CPU time of the whole machine per unit of work (pgbench transaction, credit). */
  cpuMsPerUnit: number | null;
  /** The same per process group; "unattributed" is what no process still running accounts for. */
  cpuMsPerUnitByGroup: Record<string, number>;
  walBytesPerUnit: number;
  /** WAL fsyncs (pg_stat_io, PostgreSQL 18+) per unit; below 1 means commits were grouped. */
  walFsyncsPerUnit: number | null;
  commitsPerUnit: number;
}

interface MachineCpu {
  busy: number;
  iowait: number;
  /** Interrupt handling (network loopback, disk completions): no process is charged for it. */
  interrupts: number;
  /** Time the hypervisor gave this VM's CPUs to someone else. */
  steal: number;
}

async function readMachineCpu(): Promise<MachineCpu | null> {
  try {
    const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0] ?? '';
    const n = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (idle is not needed)
    const [user = 0, nice = 0, system = 0, , iowait = 0, irq = 0, softirq = 0, steal = 0] = n;
    return { busy: user + nice + system + irq + softirq, iowait, interrupts: irq + softirq, steal };
  } catch {
    return null;
  }
}

async function cpuReading(postmaster: number | null) {
  const processes = await readProcessTimes(postmaster);
  return { at: performance.now(), machine: await readMachineCpu(), processes };
}

/**
 * Samples CPU use between `marginMs` after now and `marginMs` before `durationMs` from now, so
 * that processes which end with the run (pgbench and its backends) are still there to be read.
 */
export async function sampleCpuWindow(
  durationMs: number,
  postmaster: number | null,
  marginMs = 1000,
): Promise<CpuWindow> {
  const margin = Math.min(marginMs, durationMs / 4);
  await sleep(margin);
  const a = await cpuReading(postmaster);
  await sleep(Math.max(0, durationMs - 2 * margin - (performance.now() - a.at)));
  const b = await cpuReading(postmaster);
  const seconds = (b.at - a.at) / 1000;
  const cores = (ticks: number): number => round(ticks / TICKS_PER_SECOND / seconds, 3);
  const byGroup: Record<string, number> = {};
  for (const [group, cpuSeconds] of cpuSecondsByGroup(a.processes, b.processes)) {
    byGroup[group] = round(cpuSeconds / seconds, 3);
  }
  return {
    seconds: round(seconds, 2),
    busyCores: a.machine && b.machine ? cores(b.machine.busy - a.machine.busy) : null,
    iowaitCores: a.machine && b.machine ? cores(b.machine.iowait - a.machine.iowait) : null,
    stealCores: a.machine && b.machine ? cores(b.machine.steal - a.machine.steal) : null,
    interruptCores:
      a.machine && b.machine ? cores(b.machine.interrupts - a.machine.interrupts) : null,
    byGroup,
  };
}

export async function serverSnapshot(admin: Client, database: string): Promise<ServerSnapshot> {
  const wal = await admin.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
  let walFsyncs: number | null;
  try {
    const io = await admin.query<{ n: string | null }>(
      "SELECT sum(fsyncs) AS n FROM pg_stat_io WHERE object = 'wal'",
    );
    const n = io.rows[0]?.n;
    walFsyncs = n === null || n === undefined ? null : Number(n);
  } catch {
    walFsyncs = null; // before PostgreSQL 18, pg_stat_io has no WAL rows
  }
  // Cumulative statistics are cached within a transaction; make sure these are fresh.
  await admin.query('SELECT pg_stat_clear_snapshot()');
  const db = await admin.query<{ n: string }>(
    'SELECT xact_commit AS n FROM pg_stat_database WHERE datname = $1',
    [database],
  );
  return {
    walLsn: wal.rows[0]?.lsn ?? '0/0',
    walFsyncs,
    commits: Number(db.rows[0]?.n ?? 0),
  };
}

export async function phaseCounters(
  admin: Client,
  window: { before: ServerSnapshot; after: ServerSnapshot; cpu: CpuWindow },
  units: number,
  unitsPerSecond: number,
): Promise<PhaseCounters> {
  const { before, after, cpu } = window;
  const walBytes = await admin.query<{ n: string }>('SELECT pg_wal_lsn_diff($1, $2) AS n', [
    after.walLsn,
    before.walLsn,
  ]);
  const perUnit = (n: number): number => (units > 0 ? n / units : 0);
  const msPerUnit = (cores: number): number =>
    round(unitsPerSecond > 0 ? (cores * 1000) / unitsPerSecond : 0, 3);
  const byGroup: Record<string, number> = {};
  let listed = 0;
  for (const [group, cores] of Object.entries(cpu.byGroup).sort((x, y) => y[1] - x[1])) {
    byGroup[group] = msPerUnit(cores);
    listed += cores;
  }
  const unattributed = cpu.busyCores === null ? null : Math.max(0, cpu.busyCores - listed);
  if (unattributed !== null) {
    byGroup['unattributed (processes that ended, rounding)'] = msPerUnit(unattributed);
  }
  return {
    cpuBusyCores: cpu.busyCores,
    otherProgramsCores: cpu.byGroup[OTHER_PROGRAMS] ?? 0,
    unattributedCores: unattributed === null ? null : round(unattributed, 3),
    iowaitCores: cpu.iowaitCores,
    stealCores: cpu.stealCores,
    cpuMsPerUnit: cpu.busyCores === null ? null : msPerUnit(cpu.busyCores),
    cpuMsPerUnitByGroup: byGroup,
    walBytesPerUnit: Math.round(perUnit(Number(walBytes.rows[0]?.n ?? 0))),
    walFsyncsPerUnit:
      before.walFsyncs !== null && after.walFsyncs !== null
        ? round(perUnit(after.walFsyncs - before.walFsyncs), 3)
        : null,
    commitsPerUnit: round(perUnit(after.commits - before.commits), 2),
  };
}
