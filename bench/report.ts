import type { CheckoutLoadResult, CheckoutRun, FloorProbe } from './checkout-load';
import type { PhaseCounters } from './counters';
import type { CpuProfileSummary } from './cpu-profile';
import type { LedgerLoadResult } from './ledger-load';
import type { PgbenchResult } from './pgbench';
import type { TpcbOverHttpResult } from './tpcb-http';
import type { DatabaseProfile } from './profile';
import type { MeRun } from './me-load';
import { type TargetResult, targetNote } from './targets';
import { webhookCpuTable, webhookRows, type WebhooksBenchResult } from './webhooks-load';

export interface CheckoutReport extends CheckoutLoadResult {
  /** Peak checkouts/s ÷ pgbench TPS (null without pgbench). */
  checkoutsPerPgbenchTransaction: number | null;
  /** Machine CPU per checkout (peak) ÷ machine CPU per pgbench transaction (null without pgbench). */
  cpuPerCheckoutPerPgbenchTransaction: number | null;
  counters: {
    peak: PhaseCounters | null;
    rated: PhaseCounters | null;
    floor: PhaseCounters | null;
    bareFloor: PhaseCounters | null;
    me: PhaseCounters | null;
  };
  /** The database pool size of each API process, as the running server reported it. */
  apiPoolSize: number | null;
  /** GET /health on the same server: the HTTP stack's own ceiling (null with BENCH_FLOOR_SECONDS=0). */
  floor: FloorProbe | null;
  /** GET /health on a bare node:http + pg server with the API's pool size, measured alike. */
  bareFloor: (FloorProbe & { poolSize: number }) | null;
  /** The API's GET /health req/s ÷ the bare server's. */
  floorPerBareFloor: number | null;
  /** GET /v1/me with member tokens, closed loop, after the checkouts (null with BENCH_ME_SECONDS=0). */
  me: MeRun | null;
  /** GET /v1/me req/s ÷ peak checkouts/s. */
  mePerCheckout: number | null;
  /** pg_stat_statements over the peak run, per order committed in it. */
  profile: DatabaseProfile | null;
  /** The API server's V8 CPU profile over the peak run (BENCH_CPU_PROF=1). */
  cpuProfile:
    | (CpuProfileSummary & { dir: string; phase: 'peak' | 'me' | 'health'; msPerCheckout: number })
    | null;
  check: {
    orders: number;
    points: number;
    expectedPoints: number;
    lotPoints: number;
    postingsSum: number;
    unlinked: number;
    ok: boolean;
  };
}

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
  /** Null when the part was not selected (BENCH_ONLY). */
  ledger: LedgerLoadResult | null;
  /** Ledger credits/s ÷ pgbench TPS (null without pgbench or the ledger part). */
  creditsPerPgbenchTransaction: number | null;
  check: {
    transactions: number;
    postings: number;
    postingsSum: number;
    availableSum: number;
    expectedAvailableSum: number;
    ok: boolean;
  } | null;
  /** Per pgbench transaction and per ledger credit, over each measured window. */
  counters: { pgbench: PhaseCounters | null; ledger: PhaseCounters | null };
  /** pgbench's transaction over a bare node:http server (null without pgbench or the checkout). */
  tpcbOverHttp:
    (TpcbOverHttpResult & { perPgbenchTransaction: number; counters: PhaseCounters | null }) | null;
  profile: { pgbench: DatabaseProfile | null; ledger: DatabaseProfile | null } | null;
  checkout: CheckoutReport | null;
  /** Webhook delivery and the checkout with and without a subscribed endpoint (null unselected). */
  webhooks: WebhooksBenchResult | null;
  /** Issue 17's targets for the ratios this run measured. */
  targets: TargetResult[];
}

const fmt = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined
    ? 'n/a'
    : value.toLocaleString('en-US', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });

/** Column 0 left-aligned, the others right-aligned, except a last column of text (`textLast`). */
function table(rows: string[][], textLast = true): string {
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.max(...rows.map((r) => r[i]?.length ?? 0)),
  );
  const line = (r: string[]): string =>
    `| ${widths
      .map((w, i) =>
        i === 0 || (textLast && i === columns - 1)
          ? (r[i] ?? '').padEnd(w)
          : (r[i] ?? '').padStart(w),
      )
      .join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join('\n');
}

/** CPU used by processes this benchmark did not start, including ones that came and went. */
const strangers = (c: PhaseCounters | null | undefined): number | null =>
  c ? c.otherProgramsCores + (c.unattributedCores ?? 0) : null;

const latencies = (l: { p50Ms: number; p95Ms: number; p99Ms: number }): string =>
  `${fmt(l.p50Ms, 2)} / ${fmt(l.p95Ms, 2)} / ${fmt(l.p99Ms, 2)}`;

const failures = (run: CheckoutRun): number =>
  Object.values(run.failedByStatus).reduce((a, b) => a + b, 0) + run.errors + run.timeouts;

/** GET /health on the API and on the bare server, and the API's share of the bare figure. */
function healthRows(report: BenchReport, c: CheckoutReport): string[][] {
  const probe = (p: FloorProbe, counters: PhaseCounters | null): string =>
    `${p.connections} connections, ${p.seconds} s, ${p.failed} failed; p50 / p99 ${fmt(p.latency.p50Ms, 2)} / ${fmt(p.latency.p99Ms, 2)} ms; ${fmt(counters?.cpuMsPerUnit, 3)} ms machine CPU per request`;
  const rows: string[][] = [];
  if (c.floor) {
    rows.push([
      `GET ${c.floor.path} requests/s (HTTP floor)`,
      fmt(c.floor.requestsPerSecond),
      `API, pool ${c.apiPoolSize ?? 'n/a'}: ${probe(c.floor, c.counters.floor)}${report.pgbench ? `; ${fmt(c.floor.requestsPerSecond / report.pgbench.tps, 2)} × pgbench TPS` : ''}`,
    ]);
  }
  if (c.bareFloor) {
    rows.push(
      [
        `GET ${c.bareFloor.path} requests/s, bare node:http`,
        fmt(c.bareFloor.requestsPerSecond),
        `node:http + pg, pool ${c.bareFloor.poolSize}, SELECT 1 prepared: ${probe(c.bareFloor, c.counters.bareFloor)}`,
      ],
      [
        'API /health ÷ bare /health',
        fmt(c.floorPerBareFloor, 2),
        targetNote(report.targets, 'apiHealthPerBareHealth'),
      ],
    );
  }
  return rows;
}

/** GET /v1/me with member tokens, and its ratio to the peak checkouts. */
function meRows(targets: TargetResult[], c: CheckoutReport): string[][] {
  const me = c.me;
  if (!me) {
    return [];
  }
  const failed =
    Object.values(me.failedByStatus).reduce((a, b) => a + b, 0) + me.errors + me.timeouts;
  return [
    [
      'GET /v1/me requests/s (member tokens)',
      fmt(me.requestsPerSecond),
      `closed loop, ${me.connections} connections, ${me.seconds} s, ${me.requests.toLocaleString('en-US')} answers, ${failed} failed, tokens of ${me.members} members; ${fmt(c.counters.me?.cpuMsPerUnit, 3)} ms machine CPU per request`,
    ],
    [
      'GET /v1/me latency p50 / p95 / p99 (ms)',
      latencies(me.latency),
      `mean ${fmt(me.latency.meanMs, 2)}, max ${fmt(me.latency.maxMs, 2)}; API event loop ${fmt(me.server?.eventLoopUtilization, 2)}`,
    ],
    [
      '/v1/me req/s ÷ checkouts/s (peak)',
      fmt(c.mePerCheckout, 2),
      targetNote(targets, 'mePerCheckout'),
    ],
  ];
}

function checkoutRows(report: BenchReport): string[][] {
  const c = report.checkout;
  if (!c) {
    return [];
  }
  const { peak, rated } = c;
  const rows: string[][] = [
    [
      'checkouts/s, peak (HTTP)',
      fmt(peak.checkoutsPerSecond),
      `closed loop, ${peak.connections} connections, ${peak.seconds} s, ${peak.checkouts.toLocaleString('en-US')} checkouts, ${failures(peak)} failed, ${c.members.toLocaleString('en-US')} members`,
    ],
    [
      'checkouts/s ÷ pgbench TPS',
      fmt(c.checkoutsPerPgbenchTransaction, 2),
      targetNote(report.targets, 'checkoutsPerPgbenchTps'),
    ],
    [
      'checkout latency at peak p50 / p95 / p99 (ms)',
      latencies(peak.latency),
      `mean ${fmt(peak.latency.meanMs, 2)}, max ${fmt(peak.latency.maxMs, 2)} (queueing: ${peak.connections} connections)`,
    ],
  ];
  const bare = report.tpcbOverHttp;
  if (bare) {
    rows.splice(2, 0, [
      "pgbench's transaction over bare node:http, req/s",
      fmt(bare.requestsPerSecond),
      `no framework: node:http + pg, ${bare.connections} connections, ${bare.seconds} s, ${bare.failed} failed; p50 / p99 ${fmt(bare.latency.p50Ms, 2)} / ${fmt(bare.latency.p99Ms, 2)} ms; ${fmt(bare.counters?.cpuMsPerUnit, 3)} ms machine CPU per request; ${fmt(bare.perPgbenchTransaction, 2)} × pgbench TPS`,
    ]);
  }
  if (c.floor) {
    rows.splice(2, 0, ...healthRows(report, c));
  }
  if (rated) {
    rows.push(
      [
        `checkouts/s at ${c.ratePercent} % of peak`,
        fmt(rated.checkoutsPerSecond),
        `overallRate ${rated.targetRate}/s over ${rated.connections} connections in ${rated.instances} staggered autocannon instances, ${rated.checkouts.toLocaleString('en-US')} checkouts, ${failures(rated)} failed`,
      ],
      [
        `checkout latency at ${c.ratePercent} % p50 / p95 / p99 (ms)`,
        latencies(rated.latency),
        `mean ${fmt(rated.latency.meanMs, 2)}, max ${fmt(rated.latency.maxMs, 2)}; target p99 ≤ 50 ms: ${rated.latency.p99Ms <= 50 ? 'met' : 'NOT met'}`,
      ],
    );
  }
  rows.push(...meRows(report.targets, c));
  rows.push(
    [
      'machine CPU busy, checkout peak / at rate',
      `${fmt(c.counters.peak?.cpuBusyCores, 2)} / ${fmt(c.counters.rated?.cpuBusyCores, 2)} cores`,
      `iowait ${fmt(c.counters.peak?.iowaitCores, 2)} / ${fmt(c.counters.rated?.iowaitCores, 2)}; load generator ${fmt(peak.loadGeneratorCores, 2)} / ${fmt(rated?.loadGeneratorCores, 2)} cores`,
    ],
    [
      "other programs' CPU, checkout peak / at rate",
      `${fmt(strangers(c.counters.peak), 2)} / ${fmt(strangers(c.counters.rated), 2)} cores`,
      Math.max(strangers(c.counters.peak) ?? 0, strangers(c.counters.rated) ?? 0) > 0.05
        ? 'NOT IDLE: the machine was shared, numbers are noisy'
        : 'machine otherwise idle (incl. processes that came and went)',
    ],
    [
      'API server event loop busy, peak / at rate',
      `${fmt(peak.server?.eventLoopUtilization, 2)} / ${fmt(rated?.server?.eventLoopUtilization, 2)}`,
      `share of wall time (one thread: 1.00 is its ceiling); server process CPU ${fmt(peak.server?.cpuCores, 2)} / ${fmt(rated?.server?.cpuCores, 2)} cores`,
    ],
    [
      'CPU ms per checkout (peak)',
      fmt(c.counters.peak?.cpuMsPerUnit, 3),
      'whole machine: load generator + API server + PostgreSQL',
    ],
    [
      'machine CPU per checkout ÷ CPU per pgbench tx',
      fmt(c.cpuPerCheckoutPerPgbenchTransaction, 2),
      targetNote(report.targets, 'cpuPerCheckoutPerPgbenchTx'),
    ],
    [
      'WAL bytes per checkout (peak)',
      fmt(c.counters.peak?.walBytesPerUnit, 0),
      `WAL fsyncs per checkout ${fmt(c.counters.peak?.walFsyncsPerUnit, 3)}`,
    ],
    [
      'checkout consistency check',
      c.check.ok ? 'ok' : 'FAILED',
      `${c.check.orders.toLocaleString('en-US')} orders, ${c.check.points.toLocaleString('en-US')} points (expected ${c.check.expectedPoints.toLocaleString('en-US')}), postings sum to ${c.check.postingsSum}`,
    ],
  );
  return rows;
}

/** What a CPU profile covered, and its unit. */
const PROFILED = {
  peak: { run: 'the checkout peak run', unit: 'checkout' },
  me: { run: 'the GET /v1/me run', unit: 'request' },
  health: { run: 'the GET /health rounds (API and bare)', unit: 'API /health answer' },
} as const;

function profileTables(p: DatabaseProfile, unit: string): string[] {
  return [
    `\npg_stat_statements, database ${p.database}: ${fmt(p.statementsPerUnit, 2)} statements (${fmt(p.roundTripsPerUnit, 2)} sent by the client) and ` +
      `${fmt(p.serverMsPerUnit, 3)} ms execution + ${fmt(p.planMsPerUnit, 3)} ms planning per ${unit} (${p.units.toLocaleString('en-US')} units); ` +
      `statements wrote ${p.walBytesPerUnit.toLocaleString('en-US')} WAL bytes (${fmt(p.walFpiPerUnit, 2)} full-page images) per ${unit}`,
    table([
      [
        'statement',
        `per ${unit}`,
        'mean ms: execution / planning; share of execution',
        `WAL bytes / full-page images per ${unit}`,
      ],
      ...p.statements.map((s) => [
        s.query,
        fmt(s.callsPerUnit, 2),
        `${fmt(s.meanMs, 3)} / ${fmt(s.meanPlanMs, 3)}; ${fmt(s.sharePercent, 1)} %`,
        `${s.walBytesPerUnit.toLocaleString('en-US')} / ${fmt(s.walFpiPerUnit, 2)}`,
      ]),
    ]),
  ];
}

export function renderReport(report: BenchReport): string {
  const { pgbench, ledger, counters } = report;
  const pgbenchNote = pgbench
    ? `TPC-B-like, -s ${pgbench.scale} -c ${pgbench.clients} -j ${pgbench.threads} -T ${pgbench.seconds} -M prepared`
    : `skipped: ${report.pgbenchSkipped ?? ''}`;
  const rows: string[][] = [
    ['metric', 'value', 'notes'],
    ['pgbench TPS', fmt(pgbench?.tps), pgbenchNote],
    [
      'pgbench latency p50 / p95 / p99 (ms)',
      pgbench ? latencies(pgbench.latency) : 'n/a',
      pgbench ? `average ${fmt(pgbench.latencyAverageMs, 2)} ms` : '',
    ],
  ];
  if (ledger) {
    rows.push(
      [
        'ledger credits/s',
        fmt(ledger.creditsPerSecond),
        `${ledger.clients} client${ledger.clients === 1 ? '' : 's'}, ${ledger.seconds} s, ${ledger.members.toLocaleString('en-US')} members, ${ledger.credits.toLocaleString('en-US')} credits, ${ledger.errors} errors`,
      ],
      ['ledger postings/s', fmt(ledger.postingsPerSecond), '2 postings per credit'],
      [
        'credits/s ÷ pgbench TPS',
        fmt(report.creditsPerPgbenchTransaction, 2),
        `ledger credits per pgbench transaction; ${targetNote(report.targets, 'creditsPerPgbenchTps')}`,
      ],
      [
        'ledger latency p50 / p95 / p99 (ms)',
        latencies(ledger.latency),
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
    );
    if (report.check) {
      rows.push([
        'ledger consistency check',
        report.check.ok ? 'ok' : 'FAILED',
        `${report.check.postings.toLocaleString('en-US')} postings sum to ${report.check.postingsSum}`,
      ]);
    }
  } else if (pgbench) {
    rows.push([
      "machine CPU busy / other programs' CPU, pgbench",
      `${fmt(counters.pgbench?.cpuBusyCores, 2)} / ${fmt(strangers(counters.pgbench), 2)} cores`,
      `CPU ms per pgbench tx ${fmt(counters.pgbench?.cpuMsPerUnit, 3)}`,
    ]);
  }
  rows.push(...checkoutRows(report));
  rows.push(...webhookRows(report.webhooks));
  const parts = [table(rows)];

  const phases: [string, PhaseCounters | null | undefined][] = [
    ['per pgbench tx', counters.pgbench],
    ['per ledger credit', counters.ledger],
    ['per tx over bare HTTP', report.tpcbOverHttp?.counters],
    ['per GET /health', report.checkout?.counters.floor],
    ['per GET /health (bare)', report.checkout?.counters.bareFloor],
    ['per checkout (peak)', report.checkout?.counters.peak],
    [`per checkout (${report.checkout?.ratePercent ?? 0} %)`, report.checkout?.counters.rated],
    ['per GET /v1/me', report.checkout?.counters.me],
  ];
  const shown = phases.filter(([, c]) => c);
  const groups = [...new Set(shown.flatMap(([, c]) => Object.keys(c?.cpuMsPerUnitByGroup ?? {})))];
  if (groups.length > 0) {
    parts.push(
      '\nCPU time per unit of work, by process (ms; sampled inside each measured run; rows under 0.001 left out)',
    );
    parts.push(
      table(
        [
          ['process', ...shown.map(([name]) => name)],
          ...groups
            .filter((g) => shown.some(([, c]) => (c?.cpuMsPerUnitByGroup[g] ?? 0) >= 0.001))
            .map((g) => [g, ...shown.map(([, c]) => fmt(c?.cpuMsPerUnitByGroup[g], 3))]),
          ['total (machine busy)', ...shown.map(([, c]) => fmt(c?.cpuMsPerUnit, 3))],
        ],
        false,
      ),
    );
  }
  if (report.profile) {
    if (report.profile.pgbench) {
      parts.push(...profileTables(report.profile.pgbench, 'tx'));
    }
    if (report.profile.ledger) {
      parts.push(...profileTables(report.profile.ledger, 'credit'));
    }
  }
  if (report.checkout?.profile) {
    parts.push(...profileTables(report.checkout.profile, 'checkout'));
  }
  const webhookCpu = webhookCpuTable(report.webhooks);
  if (webhookCpu.length > 1) {
    parts.push(
      '\nCheckouts without and with a subscribed webhook endpoint: machine CPU per checkout by process (ms; mean of the runs of each arm)',
    );
    parts.push(table(webhookCpu, false));
  }
  const deliveryCpu = report.webhooks?.deliveryCpuProfile;
  if (deliveryCpu) {
    parts.push(
      `\nAPI server CPU profile while delivering webhooks (${deliveryCpu.dir}): ${fmt(deliveryCpu.busyMs, 0)} ms busy, ${fmt(deliveryCpu.msPerEvent, 4)} ms per event; self time by origin`,
    );
    parts.push(
      table(
        [
          ['origin', 'ms', 'share'],
          ...deliveryCpu.byOrigin
            .filter((o) => o.percent >= 0.5)
            .map((o) => [o.origin, fmt(o.ms, 0), `${fmt(o.percent, 1)} %`]),
        ],
        false,
      ),
    );
    parts.push(
      table(
        [
          ['function', 'ms', 'share'],
          ...deliveryCpu.topFunctions.map((f) => [
            f.fn.length > 100 ? `${f.fn.slice(0, 97)}...` : f.fn,
            fmt(f.ms, 0),
            `${fmt(f.percent, 1)} %`,
          ]),
        ],
        false,
      ),
    );
  }
  const webhooksProfile = report.webhooks?.profile;
  if (webhooksProfile?.without) {
    parts.push('\nCheckouts without a webhook endpoint (last such run):');
    parts.push(...profileTables(webhooksProfile.without, 'checkout'));
  }
  if (webhooksProfile?.with) {
    parts.push('\nCheckouts with one subscribed webhook endpoint (last such run):');
    parts.push(...profileTables(webhooksProfile.with, 'checkout'));
  }
  const cpu = report.checkout?.cpuProfile;
  if (cpu) {
    parts.push(
      `\nAPI server CPU profile over ${PROFILED[cpu.phase].run} (${cpu.dir}): ${fmt(cpu.busyMs, 0)} ms busy, ${fmt(cpu.msPerCheckout, 3)} ms per ${PROFILED[cpu.phase].unit}; self time by origin`,
    );
    parts.push(
      table(
        [
          ['origin', 'ms', 'share'],
          ...cpu.byOrigin
            .filter((o) => o.percent >= 0.5)
            .map((o) => [o.origin, fmt(o.ms, 0), `${fmt(o.percent, 1)} %`]),
        ],
        false,
      ),
    );
    parts.push('\nfunctions with the most self time');
    parts.push(
      table(
        [
          ['function', 'ms', 'share'],
          ...cpu.topFunctions.map((f) => [
            f.fn.length > 100 ? `${f.fn.slice(0, 97)}...` : f.fn,
            fmt(f.ms, 0),
            `${fmt(f.percent, 1)} %`,
          ]),
        ],
        false,
      ),
    );
  }
  return parts.join('\n');
}
