/**
 * `GET /health` on the API and on the bare server, interleaved in rounds ordered ABBA (API, bare,
 * bare, API, …): this VM's speed drifts by ±10 % over tens of seconds, so two back-to-back runs of
 * one server each compare two different machines; interleaving lets a slow stretch hit both, and
 * alternating which goes first keeps a steady drift from favouring either. Both servers
 * are warmed up once and then measured round after round on the same process (the bare one was
 * once started afresh, and warmed, for each round, while the API's later rounds ran on a process
 * already loaded). Each server's figure pools its rounds: answers over seconds, latencies
 * together, counters weighted.
 */
import { type FloorProbe, probeFloor, warmUpFloor } from './checkout-load';
import type { PhaseCounters } from './counters';
import { round, summarizeLatencies } from './stats';
import { startBareHealth } from './tpcb-http';

export interface CountedWindow {
  begin: () => Promise<void>;
  end: () => Promise<void>;
  sampled: () => Promise<void>;
  counters: (units: number, unitsPerSecond: number) => Promise<PhaseCounters | null>;
}

export interface HealthFloors {
  floor: FloorProbe;
  floorCounters: PhaseCounters | null;
  bareFloor: FloorProbe & { poolSize: number };
  bareFloorCounters: PhaseCounters | null;
}

interface Round {
  probe: FloorProbe;
  counters: PhaseCounters | null;
}

export async function measureHealthFloors(options: {
  apiBaseUrl: string;
  databaseUrl: string;
  poolSize: number;
  connections: number;
  /** Per round and server. */
  seconds: number;
  rounds: number;
  warmupSeconds: number;
  newWindow: () => CountedWindow;
  /** Names the bare server's process for the CPU accounting while `probe` runs. */
  measureBare: (
    window: CountedWindow,
    probe: (onChild: (pid: number) => void) => Promise<FloorProbe>,
  ) => Promise<{ result: FloorProbe; counters: PhaseCounters | null }>;
  log: (line: string) => void;
}): Promise<HealthFloors> {
  const api: Round[] = [];
  const bare: Round[] = [];
  const apiLatencies: number[] = [];
  const bareLatencies: number[] = [];
  await warmUpFloor(options.apiBaseUrl, options.connections, options.warmupSeconds);
  const bareServer = await startBareHealth({
    databaseUrl: options.databaseUrl,
    poolSize: options.poolSize,
    connections: options.connections,
    seconds: options.seconds,
    warmupSeconds: options.warmupSeconds,
  });
  try {
    for (let n = 1; n <= options.rounds; n++) {
      // ABBA: the server measured first alternates, so a steady drift weighs on both alike.
      const apiFirst = n % 2 === 1;
      const apiRound = async (): Promise<FloorProbe> => {
        const window = options.newWindow();
        await window.begin();
        const probe = await probeFloor({
          baseUrl: options.apiBaseUrl,
          connections: options.connections,
          seconds: options.seconds,
          latencies: apiLatencies,
        });
        await window.end();
        api.push({
          probe,
          counters: await window.counters(answered(probe), probe.requestsPerSecond),
        });
        return probe;
      };
      const bareRound = async (): Promise<FloorProbe> => {
        const bareWindow = options.newWindow();
        const measured = await options.measureBare(bareWindow, (onChild) => {
          onChild(bareServer.pid);
          return bareServer.probe(bareWindow, bareLatencies);
        });
        bare.push({ probe: measured.result, counters: measured.counters });
        return measured.result;
      };
      const first = await (apiFirst ? apiRound() : bareRound());
      const second = await (apiFirst ? bareRound() : apiRound());
      const [apiProbe, bareProbe] = apiFirst ? [first, second] : [second, first];
      options.log(
        `GET /health round ${n}/${options.rounds} (${apiFirst ? 'API first' : 'bare first'}): API ${apiProbe.requestsPerSecond.toFixed(1)}, bare ${bareProbe.requestsPerSecond.toFixed(1)} requests/s`,
      );
    }
  } finally {
    await bareServer.stop();
  }
  return {
    floor: pooledProbe(api, apiLatencies),
    floorCounters: pooledCounters(api),
    bareFloor: { ...pooledProbe(bare, bareLatencies), poolSize: options.poolSize },
    bareFloorCounters: pooledCounters(bare),
  };
}

const answered = (probe: FloorProbe): number => probe.requestsPerSecond * probe.seconds;

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

function pooledProbe(rounds: Round[], latencies: number[]): FloorProbe {
  const probes = rounds.map((r) => r.probe);
  const seconds = sum(probes.map((p) => p.seconds));
  return {
    path: probes[0]?.path ?? '/health',
    connections: probes[0]?.connections ?? 0,
    seconds: round(seconds, 2),
    requestsPerSecond: round(sum(probes.map(answered)) / Math.max(seconds, 1e-3), 1),
    latency: summarizeLatencies(latencies),
    failed: sum(probes.map((p) => p.failed)),
  };
}

/** Per-unit figures weighted by each round's answers, machine-wide cores by its seconds. */
function pooledCounters(rounds: Round[]): PhaseCounters | null {
  const parts = rounds.flatMap((r) =>
    r.counters ? [{ c: r.counters, units: answered(r.probe), seconds: r.probe.seconds }] : [],
  );
  if (parts.length !== rounds.length || parts.length === 0) {
    return parts[parts.length - 1]?.c ?? null;
  }
  const units = sum(parts.map((p) => p.units));
  const seconds = sum(parts.map((p) => p.seconds));
  const byUnits = (value: (c: PhaseCounters) => number | null): number | null =>
    parts.some((p) => value(p.c) === null)
      ? null
      : sum(parts.map((p) => (value(p.c) ?? 0) * p.units)) / Math.max(units, 1e-9);
  const bySeconds = (value: (c: PhaseCounters) => number | null): number | null =>
    parts.some((p) => value(p.c) === null)
      ? null
      : sum(parts.map((p) => (value(p.c) ?? 0) * p.seconds)) / Math.max(seconds, 1e-9);
  const groups = new Set(parts.flatMap((p) => Object.keys(p.c.cpuMsPerUnitByGroup)));
  const byGroup: Record<string, number> = {};
  for (const group of groups) {
    byGroup[group] = round(byUnits((c) => c.cpuMsPerUnitByGroup[group] ?? 0) ?? 0, 3);
  }
  const rounded = (value: number | null, digits: number): number | null =>
    value === null ? null : round(value, digits);
  return {
    cpuBusyCores: rounded(
      bySeconds((c) => c.cpuBusyCores),
      2,
    ),
    otherProgramsCores: round(bySeconds((c) => c.otherProgramsCores) ?? 0, 2),
    unattributedCores: rounded(
      bySeconds((c) => c.unattributedCores),
      2,
    ),
    iowaitCores: rounded(
      bySeconds((c) => c.iowaitCores),
      2,
    ),
    stealCores: rounded(
      bySeconds((c) => c.stealCores),
      2,
    ),
    cpuMsPerUnit: rounded(
      byUnits((c) => c.cpuMsPerUnit),
      3,
    ),
    cpuMsPerUnitByGroup: byGroup,
    walBytesPerUnit: Math.round(byUnits((c) => c.walBytesPerUnit) ?? 0),
    walFsyncsPerUnit: rounded(
      byUnits((c) => c.walFsyncsPerUnit),
      3,
    ),
    commitsPerUnit: round(byUnits((c) => c.commitsPerUnit) ?? 0, 2),
  };
}
