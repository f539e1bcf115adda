/**
 * Closed-loop clients crediting through the batcher, as the ledger part's clients credit through
 * CreditPointsUseCase: a random member each time, a new idempotency key, and a share of requests
 * that repeat the client's previous credit exactly (a till retrying), which must come back as a
 * replay and write nothing.
 */
import { randomInt } from 'node:crypto';
import { type LatencySummary, summarizeLatencies } from '../stats';
import type { CreditItem } from './batch-credit';
import type { CreditBatcher } from './credit-batcher';

export const BATCH_CREDIT_POINTS = 10;

export interface CreditLoad {
  credited: number;
  replayed: number;
  /** Replays that did not come back as replays, and new keys refused: both must stay 0. */
  wrong: number;
  errors: number;
  firstError: string | null;
  latency: LatencySummary;
  elapsedMs: number;
}

export async function driveCredits(options: {
  batcher: CreditBatcher;
  memberIds: string[];
  clients: number;
  milliseconds: number;
  tag: string;
  replayShare: number;
}): Promise<CreditLoad> {
  const { batcher, memberIds } = options;
  const expiresAt = new Date(Date.now() + 365 * 86_400_000);
  const latencies: number[] = [];
  const counts = { credited: 0, replayed: 0, wrong: 0, errors: 0 };
  let firstError: string | null = null;
  const start = performance.now();
  const deadline = start + options.milliseconds;

  const loop = async (client: number): Promise<void> => {
    let previous: CreditItem | null = null;
    for (let i = 0; performance.now() < deadline; i++) {
      const replay = previous !== null && Math.random() < options.replayShare;
      const item: CreditItem =
        replay && previous
          ? previous
          : {
              memberId: memberIds[randomInt(memberIds.length)] ?? '',
              idempotencyKey: `batch:${options.tag}:${client}:${i}`,
              points: BATCH_CREDIT_POINTS,
              expiresAt,
            };
      const begun = performance.now();
      try {
        const outcome = await batcher.credit(item);
        latencies.push(performance.now() - begun);
        if (outcome.kind === (replay ? 'replayed' : 'credited')) {
          counts[outcome.kind]++;
        } else {
          counts.wrong++;
        }
        previous = item;
      } catch (error) {
        counts.errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };

  await Promise.all(Array.from({ length: options.clients }, (_, c) => loop(c)));
  return {
    ...counts,
    firstError,
    latency: summarizeLatencies(latencies),
    elapsedMs: performance.now() - start,
  };
}
