import type { PhaseCounters } from './counters';
import type { LedgerLoadResult } from './ledger-load';
import type { PgbenchResult } from './pgbench';
import type { DatabaseProfile } from './profile';

export interface BenchReport {
  startedAt: string;
  durationSeconds: number;
  command: string;
  machine: {
    nproc: number;
    cpuModel: string;
    memoryGiB: number;
    arch: string;
    kernel: string;
    node: string;
  };
  postgres: { version: string; settings: Record<string, string> };
  pgbench: PgbenchResult | null;
  pgbenchSkipped: string | null;
  ledger: LedgerLoadResult;
  /** Ledger credits/s ÷ pgbench TPS (null without pgbench). */
  creditsPerPgbenchTransaction: number | null;
  check: {
    transactions: number;
    postings: number;
    postingsSum: number;
    availableSum: number;
    expectedAvailableSum: number;
    ok: boolean;
  };
  /** Per pgbench transaction and per ledger credit, over each measured window. */
  counters: { pgbench: PhaseCounters | null; ledger: PhaseCounters | null };
  profile: { pgbench: DatabaseProfile | null; ledger: DatabaseProfile } | null;
}

const fmt = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined
    ? 'n/a'
    : value.toLocaleString('en-US', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });

function table(rows: [string, string, string][]): string {
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
  const line = (r: [string, string, string]): string =>
    `| ${r[0].padEnd(widths[0] ?? 0)} | ${r[1].padStart(widths[1] ?? 0)} | ${r[2].padEnd(widths[2] ?? 0)} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(rows[0] ?? ['', '', '']), rule, ...rows.slice(1).map(line)].join('\n');
}

/** CPU used by processes this benchmark did not start, including ones that came and went. */
const strangers = (c: PhaseCounters | null): number | null =>
  c ? c.otherProgramsCores + (c.unattributedCores ?? 0) : null;

export function renderReport(report: BenchReport): string {
  const { pgbench, ledger, counters } = report;
  const pgbenchNote = pgbench
    ? `TPC-B-like, -s ${pgbench.scale} -c ${pgbench.clients} -j ${pgbench.threads} -T ${pgbench.seconds} -M prepared`
    : 'skipped: pgbench not found (see pgbenchSkipped)';
  const rows: [string, string, string][] = [
    ['metric', 'value', 'notes'],
    ['pgbench TPS', fmt(pgbench?.tps), pgbenchNote],
    [
      'pgbench latency p50 / p95 / p99 (ms)',
      pgbench
        ? `${fmt(pgbench.latency.p50Ms, 2)} / ${fmt(pgbench.latency.p95Ms, 2)} / ${fmt(pgbench.latency.p99Ms, 2)}`
        : 'n/a',
      pgbench ? `average ${fmt(pgbench.latencyAverageMs, 2)} ms` : '',
    ],
    [
      'ledger credits/s',
      fmt(ledger.creditsPerSecond),
      `${ledger.clients} client${ledger.clients === 1 ? '' : 's'}, ${ledger.seconds} s, ${ledger.members.toLocaleString('en-US')} members, ${ledger.credits.toLocaleString('en-US')} credits, ${ledger.errors} errors`,
    ],
    ['ledger postings/s', fmt(ledger.postingsPerSecond), '2 postings per credit'],
    [
      'credits/s ÷ pgbench TPS',
      fmt(report.creditsPerPgbenchTransaction, 2),
      'ledger credits per pgbench transaction',
    ],
    [
      'ledger latency p50 / p95 / p99 (ms)',
      `${fmt(ledger.latency.p50Ms, 2)} / ${fmt(ledger.latency.p95Ms, 2)} / ${fmt(ledger.latency.p99Ms, 2)}`,
      `mean ${fmt(ledger.latency.meanMs, 2)} ms, max ${fmt(ledger.latency.maxMs, 2)} ms`,
    ],
    [
      'Node CPU during ledger run',
      `${fmt(ledger.nodeCpuCores, 2)} cores`,
      `of ${report.machine.nproc} (PostgreSQL shares them)`,
    ],
    [
      'machine CPU busy, pgbench / ledger',
      `${fmt(counters.pgbench?.cpuBusyCores, 2)} / ${fmt(counters.ledger?.cpuBusyCores, 2)} cores`,
      `iowait ${fmt(counters.pgbench?.iowaitCores, 2)} / ${fmt(counters.ledger?.iowaitCores, 2)}, steal ${fmt(counters.pgbench?.stealCores, 2)} / ${fmt(counters.ledger?.stealCores, 2)} cores`,
    ],
    [
      "other programs' CPU, pgbench / ledger",
      `${fmt(strangers(counters.pgbench), 2)} / ${fmt(strangers(counters.ledger), 2)} cores`,
      Math.max(strangers(counters.pgbench) ?? 0, strangers(counters.ledger) ?? 0) > 0.05
        ? 'NOT IDLE: the machine was shared, numbers are noisy'
        : 'machine otherwise idle (incl. processes that came and went)',
    ],
    [
      'CPU ms per pgbench tx / per credit',
      `${fmt(counters.pgbench?.cpuMsPerUnit, 3)} / ${fmt(counters.ledger?.cpuMsPerUnit, 3)}`,
      'whole machine: client + PostgreSQL',
    ],
    [
      'WAL bytes per pgbench tx / per credit',
      `${fmt(counters.pgbench?.walBytesPerUnit, 0)} / ${fmt(counters.ledger?.walBytesPerUnit, 0)}`,
      `WAL fsyncs per unit ${fmt(counters.pgbench?.walFsyncsPerUnit, 3)} / ${fmt(counters.ledger?.walFsyncsPerUnit, 3)}`,
    ],
    [
      'ledger consistency check',
      report.check.ok ? 'ok' : 'FAILED',
      `${report.check.postings.toLocaleString('en-US')} postings sum to ${report.check.postingsSum}`,
    ],
  ];
  const parts = [table(rows)];
  const groups = [
    ...new Set([
      ...Object.keys(counters.pgbench?.cpuMsPerUnitByGroup ?? {}),
      ...Object.keys(counters.ledger?.cpuMsPerUnitByGroup ?? {}),
    ]),
  ];
  if (groups.length > 0) {
    parts.push(
      '\nCPU time per unit of work, by process (ms; sampled inside each measured run; rows under 0.001 left out)',
    );
    parts.push(
      table([
        ['process', 'per pgbench tx', 'per ledger credit'],
        ...groups
          .filter(
            (g) =>
              (counters.pgbench?.cpuMsPerUnitByGroup[g] ?? 0) >= 0.001 ||
              (counters.ledger?.cpuMsPerUnitByGroup[g] ?? 0) >= 0.001,
          )
          .map((g): [string, string, string] => [
            g,
            fmt(counters.pgbench?.cpuMsPerUnitByGroup[g], 3),
            fmt(counters.ledger?.cpuMsPerUnitByGroup[g], 3),
          ]),
        [
          'total (machine busy)',
          fmt(counters.pgbench?.cpuMsPerUnit, 3),
          fmt(counters.ledger?.cpuMsPerUnit, 3),
        ],
      ]),
    );
  }
  if (report.profile) {
    for (const p of [report.profile.pgbench, report.profile.ledger]) {
      if (!p) continue;
      parts.push(
        `\npg_stat_statements, database ${p.database}: ${fmt(p.statementsPerUnit, 2)} statements and ` +
          `${fmt(p.serverMsPerUnit, 3)} ms execution + ${fmt(p.planMsPerUnit, 3)} ms planning per unit (${p.units.toLocaleString('en-US')} units)`,
      );
      parts.push(
        table([
          ['statement', 'per unit', 'mean ms / share'],
          ...p.statements.map((s): [string, string, string] => [
            s.query,
            fmt(s.callsPerUnit, 2),
            `${fmt(s.meanMs, 3)} / ${fmt(s.sharePercent, 1)} %`,
          ]),
        ]),
      );
    }
  }
  return parts.join('\n');
}
