/**
 * `GET /v1/me` under load, the shopper's app reading its member's page: member tokens minted
 * through the API with the admin key (POST /v1/members/{id}/tokens, as an operator would), then
 * autocannon in a closed loop, each request with a random one of those members' tokens.
 */
import { randomInt } from 'node:crypto';
import type { Client } from 'pg';
import { call, type CheckoutRun, drive, type LoadOutcome, type Requests } from './checkout-load';
import { round } from './stats';

/** Members whose tokens the load uses. */
export const ME_MEMBERS = 200;

/** Answers other than 200 are failures here (`failedByStatus`). */
export interface MeRun extends LoadOutcome {
  /** Members whose tokens were drawn from. */
  members: number;
  connections: number;
  seconds: number;
  /** 200 answers. */
  requests: number;
  requestsPerSecond: number;
}

/** Up to `count` members, those with orders first (in random order), then others. */
export async function sampleMembers(
  db: Client,
  memberIds: string[],
  count: number,
): Promise<string[]> {
  const { rows } = await db.query<{ member_id: string }>(
    'SELECT member_id FROM orders GROUP BY member_id ORDER BY random() LIMIT $1',
    [count],
  );
  const sample = new Set(rows.map((r) => r.member_id));
  for (const id of memberIds) {
    if (sample.size >= count) {
      break;
    }
    sample.add(id);
  }
  return [...sample];
}

/** One member token per member, minted through the API, a few requests at a time. */
export async function mintMemberTokens(
  baseUrl: string,
  adminKey: string,
  memberIds: string[],
  parallel = 8,
): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < memberIds.length; i += parallel) {
    const minted = await Promise.all(
      memberIds
        .slice(i, i + parallel)
        .map((id) =>
          call<{ token: string }>(baseUrl, adminKey, `/v1/members/${id}/tokens`, {}, 201),
        ),
    );
    tokens.push(...minted.map((m) => m.token));
  }
  return tokens;
}

/** GET /v1/me with a random token each; answers other than 200 are counted by status. */
function meRequests(tokens: string[], failedByStatus: Record<string, number>): Requests {
  return {
    definition: (onFailure) => ({
      method: 'GET',
      path: '/v1/me',
      setupRequest: (request) => ({
        ...request,
        headers: { authorization: `Bearer ${tokens[randomInt(tokens.length)] ?? ''}` },
      }),
      onResponse: (status, body) => {
        if (status !== 200) {
          failedByStatus[status] = (failedByStatus[status] ?? 0) + 1;
          onFailure(status, body);
        }
      },
    }),
  };
}

const otherSuccesses = (failedByStatus: Record<string, number>): number =>
  Object.entries(failedByStatus)
    .filter(([status]) => status.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0);

const asMeRun = (
  run: CheckoutRun,
  members: number,
  failedByStatus: Record<string, number>,
): MeRun => ({
  members,
  connections: run.connections,
  seconds: run.seconds,
  // drive() counts 2xx answers; a 2xx other than 200 is a failure here.
  requests: run.checkouts - otherSuccesses(failedByStatus),
  requestsPerSecond: round(
    run.checkoutsPerSecond * (1 - otherSuccesses(failedByStatus) / Math.max(1, run.checkouts)),
    1,
  ),
  failedByStatus: { ...run.failedByStatus, ...failedByStatus },
  errors: run.errors,
  timeouts: run.timeouts,
  firstFailure: run.firstFailure,
  latency: run.latency,
  loadGeneratorCores: run.loadGeneratorCores,
});

/** Closed loop: `connections` connections, each sending its next request on the answer. */
export async function runMeLoad(options: {
  baseUrl: string;
  tokens: string[];
  connections: number;
  seconds: number;
  warmupSeconds: number;
  log: (line: string) => void;
  /** Around the measured run (warm-up excluded), e.g. to read counters. */
  beforeRun?: () => Promise<void>;
  afterRun?: () => Promise<void>;
}): Promise<MeRun> {
  const url = `${options.baseUrl}/v1/me`;
  const run = (seconds: number, failedByStatus: Record<string, number>): Promise<CheckoutRun> =>
    drive({
      url,
      requests: meRequests(options.tokens, failedByStatus),
      connections: options.connections,
      seconds,
      overallRate: null,
      instances: 1,
    });
  if (options.warmupSeconds > 0) {
    options.log(
      `GET /v1/me warm-up: ${options.connections} connections for ${options.warmupSeconds} s (not counted) …`,
    );
    await run(options.warmupSeconds, {});
  }
  options.log(
    `GET /v1/me: ${options.connections} connections for ${options.seconds} s, tokens of ${options.tokens.length} members …`,
  );
  const failedByStatus: Record<string, number> = {};
  await options.beforeRun?.();
  const result = await run(options.seconds, failedByStatus);
  await options.afterRun?.();
  return asMeRun(result, options.tokens.length, failedByStatus);
}
