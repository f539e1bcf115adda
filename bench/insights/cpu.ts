import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';

/** Linux USER_HZ: /proc reports CPU times in these ticks. */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  /** utime + stime */
  own: number;
  /** cutime + cstime: children that were waited for. */
  reaped: number;
}

interface Snapshot {
  at: number;
  /** Machine-wide busy ticks (all CPUs, everything but idle and iowait). */
  busy: number;
  /** Machine-wide ticks spent idle with disk I/O outstanding. */
  iowait: number;
  /** This process (the bench: the Nest application, pg driver and the model math). */
  bench: number;
  /** This process's finished children (the import CLI, once it exited). */
  benchReaped: number;
  /** PostgreSQL: the postmaster and its backends, with the backends that exited. */
  postgres: number;
  /** Other descendants still running (the import CLI while it runs). */
  children: number;
}

/** Where the CPU went while a step ran, in cores (CPU seconds per wall second). */
export interface CpuUse {
  seconds: number;
  /** CPU seconds of the bench process itself. */
  benchCpuSeconds: number;
  /** CPU seconds of child processes (the import CLI). */
  cliCpuSeconds: number;
  /** CPU seconds of our PostgreSQL server. */
  postgresCpuSeconds: number;
  /** Cores used by processes this bench did not start, on average (machine busy - ours). */
  otherCores: number;
  /** Cores idle while waiting for the disk, machine-wide, on average. */
  iowaitCores: number;
  loadAverageBefore: number;
  loadAverageAfter: number;
}

async function readStat(pid: string): Promise<ProcStat | null> {
  try {
    const text = await readFile(`/proc/${pid}/stat`, 'utf8');
    // comm may hold spaces and parentheses: it ends at the last ')'.
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const fields = text
      .slice(close + 2)
      .split(' ')
      .map(Number);
    // fields[0] is field 3 (state): ppid is field 4, utime..cstime fields 14..17.
    const at = (field: number): number => fields[field - 3] ?? 0;
    return {
      pid: Number(pid),
      ppid: at(4),
      comm,
      own: at(14) + at(15),
      reaped: at(16) + at(17),
    };
  } catch {
    return null; // exited meanwhile
  }
}

async function snapshot(): Promise<Snapshot> {
  const at = performance.now();
  const cpuLine = (await readFile('/proc/stat', 'utf8')).split('\n')[0] ?? '';
  const ticks = cpuLine.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is inside user already)
  const busy = ticks.slice(0, 8).reduce((sum, v, i) => (i === 3 || i === 4 ? sum : sum + v), 0);
  const stats = (
    await Promise.all(
      (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map((pid) => readStat(pid)),
    )
  ).filter((s): s is ProcStat => s !== null);
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) {
    children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  }
  const self = stats.find((s) => s.pid === process.pid);
  const result: Snapshot = {
    at,
    busy,
    iowait: ticks[4] ?? 0,
    bench: self?.own ?? 0,
    benchReaped: self?.reaped ?? 0,
    postgres: 0,
    children: 0,
  };
  const visit = (pid: number, inPostgres: boolean): void => {
    for (const child of children.get(pid) ?? []) {
      const postgres = inPostgres || child.comm === 'postgres';
      if (postgres) {
        result.postgres += child.own + (inPostgres ? 0 : child.reaped);
      } else {
        result.children += child.own;
      }
      // A postmaster's `reaped` already holds its exited backends; live ones are counted here.
      visit(child.pid, postgres);
    }
  };
  visit(process.pid, false);
  return result;
}

/** Starts measuring; the returned function ends the window and reports it. */
export async function startCpuWindow(): Promise<() => Promise<CpuUse>> {
  const loadAverageBefore = loadavg()[0] ?? 0;
  const before = await snapshot();
  return async () => {
    const after = await snapshot();
    const seconds = (after.at - before.at) / 1000;
    const s = (ticks: number): number => ticks / TICKS_PER_SECOND;
    const bench = s(after.bench - before.bench);
    const cli = s(after.benchReaped - before.benchReaped + after.children - before.children);
    const postgres = s(after.postgres - before.postgres);
    const busy = s(after.busy - before.busy);
    return {
      seconds,
      benchCpuSeconds: bench,
      cliCpuSeconds: Math.max(0, cli),
      postgresCpuSeconds: postgres,
      otherCores: Math.max(0, (busy - bench - cli - postgres) / Math.max(seconds, 1e-9)),
      iowaitCores: s(after.iowait - before.iowait) / Math.max(seconds, 1e-9),
      loadAverageBefore,
      loadAverageAfter: loadavg()[0] ?? 0,
    };
  };
}

export const CORES = availableParallelism();
