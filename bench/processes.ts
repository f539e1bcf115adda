import { readdir, readFile } from 'node:fs/promises';

/** CPU time (clock ticks) per process, with the group it is reported under. */
export type ProcessTimes = Map<number, { group: string; ticks: number }>;

/** Linux USER_HZ: /proc reports CPU time in hundredths of a second. */
export const TICKS_PER_SECOND = 100;

/** Processes not started by this benchmark (the machine may be shared). */
export const OTHER_PROGRAMS = 'other programs on the machine';

const NODE_MAIN_DEFAULT = 'node (bench, Nest, TypeORM, pg)';
/** Names given to particular processes for the phase being measured (see nameProcess). */
const named = new Map<number, string>();

/**
 * Reports `pid` under `label` from now on (e.g. the API server child, or this process while it
 * only generates load); `label` null forgets the name again.
 */
export function nameProcess(pid: number, label: string | null): void {
  if (label === null) {
    named.delete(pid);
  } else {
    named.set(pid, label);
  }
}

interface ProcStat {
  comm: string;
  ppid: number;
  ticks: number;
}

async function readStat(pid: number): Promise<ProcStat> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  // The fields after "(comm) ": state ppid ...; utime and stime are fields 14 and 15 of the line.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { comm, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
}

/** The parent of a backend: the postmaster of the server this benchmark started. */
export async function parentOf(pid: number): Promise<number | null> {
  try {
    return (await readStat(pid)).ppid;
  } catch {
    return null;
  }
}

/**
 * Groups a process by what it does: this Node process and its children (pgbench, started through
 * Debian's pg_wrapper), the client backends and each kind of background process of *our*
 * PostgreSQL, kernel threads, and everything else.
 */
function groupOf(
  pid: number,
  stat: ProcStat,
  cmdline: string,
  postmaster: number | null,
  isOurs: (pid: number) => boolean,
): string {
  const name = named.get(pid);
  if (name !== undefined) {
    return name;
  }
  if (pid === process.pid) {
    return NODE_MAIN_DEFAULT;
  }
  if (pid === 2 || stat.ppid === 2) {
    return 'kernel threads';
  }
  if (postmaster !== null && pid === postmaster) {
    return 'postgres: postmaster';
  }
  if (postmaster !== null && stat.ppid === postmaster) {
    const title = cmdline.replace(/^postgres:\s*/, '');
    // A client backend's title is "user database host(port) state".
    if (/^\S+ \S+ \d+\.\d+\.\d+\.\d+\(\d+\)/.test(title)) {
      return 'postgres: client backends';
    }
    return `postgres: ${title.replace(/\s+\d+$/, '').replace(/^(autovacuum worker).*/, '$1')}`;
  }
  if (isOurs(pid)) {
    return stat.comm === 'pgbench' ? 'pgbench client' : `bench child: ${stat.comm}`;
  }
  return OTHER_PROGRAMS;
}

/** Reads every process's user + system CPU time; off Linux the map is empty. */
export async function readProcessTimes(postmaster: number | null): Promise<ProcessTimes> {
  const times: ProcessTimes = new Map();
  let entries: string[];
  try {
    entries = await readdir('/proc');
  } catch {
    return times;
  }
  const stats = new Map<number, { stat: ProcStat; cmdline: string }>();
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    const pid = Number(entry);
    try {
      const stat = await readStat(pid);
      const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replace(/\0/g, ' ').trim();
      stats.set(pid, { stat, cmdline });
    } catch {
      // the process ended while we looked
    }
  }
  const isOurs = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; hops++) {
      if (p === process.pid) {
        return true;
      }
      p = stats.get(p)?.stat.ppid ?? 0;
    }
    return false;
  };
  for (const [pid, { stat, cmdline }] of stats) {
    times.set(pid, { group: groupOf(pid, stat, cmdline, postmaster, isOurs), ticks: stat.ticks });
  }
  return times;
}

/**
 * CPU seconds per group between two readings. Processes that started in between count in full;
 * processes that ended in between are lost (they show up as "unattributed").
 */
export function cpuSecondsByGroup(before: ProcessTimes, after: ProcessTimes): Map<string, number> {
  const groups = new Map<string, number>();
  for (const [pid, now] of after) {
    const then = before.get(pid);
    const ticks = then && then.group === now.group ? now.ticks - then.ticks : now.ticks;
    groups.set(now.group, (groups.get(now.group) ?? 0) + ticks / TICKS_PER_SECOND);
  }
  return groups;
}
