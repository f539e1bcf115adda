import { randomInt } from 'node:crypto';
import type { CreditPointsUseCase } from '@vafa/ledger';
import { LatencySummary, round, summarizeLatencies } from './stats';

export interface LedgerLoadResult {
  members: number;
  clients: number;
  seconds: number;
  warmupSeconds: number;
  credits: number;
  errors: number;
  firstError: string | null;
  creditsPerSecond: number;
  /** Two postings per credit (program:issued −, member:available +). */
  postingsPerSecond: number;
  latency: LatencySummary;
  /** CPU this Node process used during the measured window, as a share of one core. */
  nodeCpuCores: number;
}

export const CREDIT_POINTS = 10;
const YEAR_MS = 365 * 86_400_000;

/**
 * `clients` concurrent loops, each awaiting one credit at a time until the deadline: a closed
 * loop, like pgbench's clients. Every credit has its own idempotency key and a random member.
 */
async function drive(
  useCase: CreditPointsUseCase,
  memberIds: string[],
  clients: number,
  milliseconds: number,
  tag: string,
): Promise<{
  credits: number;
  errors: number;
  firstError: string | null;
  latencies: number[];
  elapsedMs: number;
}> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const start = performance.now();
  const deadline = start + milliseconds;

  const loop = async (client: number): Promise<void> => {
    for (let i = 0; performance.now() < deadline; i++) {
      const memberId = memberIds[randomInt(memberIds.length)] ?? '';
      const begun = performance.now();
      try {
        await useCase.execute({
          memberId,
          idempotencyKey: `bench:${tag}:${client}:${i}`,
          description: 'benchmark credit',
          points: CREDIT_POINTS,
          kind: 'earn',
          source: 'program:issued',
          expiresAt: new Date(Date.now() + YEAR_MS),
        });
        latencies.push(performance.now() - begun);
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };

  await Promise.all(Array.from({ length: clients }, (_, c) => loop(c)));
  return {
    credits: latencies.length,
    errors,
    firstError,
    latencies,
    elapsedMs: performance.now() - start,
  };
}

export async function runLedgerLoad(options: {
  useCase: CreditPointsUseCase;
  memberIds: string[];
  clients: number;
  seconds: number;
  warmupSeconds: number;
  log: (line: string) => void;
  /** Runs after the warm-up, before the measured window (e.g. to reset statistics). */
  beforeRun?: () => Promise<void>;
  /** Runs as soon as the measured window ends. */
  afterRun?: () => Promise<void>;
}): Promise<LedgerLoadResult> {
  const { useCase, memberIds, clients } = options;
  if (options.warmupSeconds > 0) {
    options.log(
      `ledger warm-up: ${clients} clients for ${options.warmupSeconds} s (not counted) …`,
    );
    await drive(useCase, memberIds, clients, options.warmupSeconds * 1000, 'warmup');
  }

  await options.beforeRun?.();
  options.log(`ledger credits: ${clients} clients for ${options.seconds} s …`);
  const cpuBefore = process.cpuUsage();
  const measured = await drive(useCase, memberIds, clients, options.seconds * 1000, 'run');
  const cpu = process.cpuUsage(cpuBefore);
  await options.afterRun?.();

  const seconds = measured.elapsedMs / 1000;
  const creditsPerSecond = measured.credits / seconds;
  return {
    members: memberIds.length,
    clients,
    seconds: round(seconds, 2),
    warmupSeconds: options.warmupSeconds,
    credits: measured.credits,
    errors: measured.errors,
    firstError: measured.firstError,
    creditsPerSecond: round(creditsPerSecond, 1),
    postingsPerSecond: round(creditsPerSecond * 2, 1),
    latency: summarizeLatencies(measured.latencies),
    nodeCpuCores: round((cpu.user + cpu.system) / 1000 / measured.elapsedMs, 2),
  };
}
