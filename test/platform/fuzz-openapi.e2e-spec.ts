import fc from 'fast-check';
import type { Response } from 'supertest';
import { DATA_EXCEPTION_MESSAGE } from '@vafa/platform';
import { operationsOf, type Operation } from '../support/fuzz/openapi-document';
import {
  badRequests,
  type FuzzContext,
  type FuzzRequest,
} from '../support/fuzz/request-arbitraries';
import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';

/**
 * Every operation of the OpenAPI document gets generated bad input (wrong types, missing and
 * extra fields, nulls, huge and tiny numbers, NUL and lone surrogates, deep nesting, arrays for
 * objects, bad cursors and ids): never a 5xx, and every 4xx in the error format. Seeded, so a
 * failure repeats. 4,624 requests over 66 operations, 15-25 s on a 2-core machine.
 */
/** `FUZZ_SEED=<n>` explores other inputs; the suite itself always runs the same ones. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const RUNS_WITH_BODY = 150;
const RUNS_WITHOUT_BODY = 40;
const RUNS_OF_A_JOB = 4;

const ERROR_CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

interface Fixtures {
  member: TestMember;
  referee: TestMember;
  ids: [RegExp, string][];
  /** A run of the fixture campaign, for /v1/campaigns/{id}/runs/{runId}/… */
  runId: string;
  orderId: string;
  rewardId: string;
}

async function createFixtures(t: TestApp): Promise<Fixtures> {
  const admin = bearer(t.keys.admin);
  await t.api().put('/v1/referral-program').set(admin).send({ active: true }).expect(200);
  const member = await t.member();
  const referee = await t.member({ referralCode: member.referralCode });
  await t
    .api()
    .post(`/v1/members/${member.id}/adjustments`)
    .set(admin)
    .set('Idempotency-Key', 'fuzz-fixture-points')
    .send({ points: 100000, reason: 'goodwill' })
    .expect(201);
  const created = async (path: string, body: Record<string, unknown>): Promise<string> =>
    ((await t.api().post(path).set(admin).send(body).expect(201)).body as { id: string }).id;
  const reward = await created('/v1/rewards', {
    name: 'Fuzz perk',
    type: 'service_perk',
    pointsCost: 10,
  });
  const tier = await created('/v1/tiers', {
    code: 'fuzz',
    name: 'Fuzz',
    rank: 5,
    qualification: { metric: 'spend', threshold: 1000, windowDays: 30 },
  });
  const rule = await created('/v1/earning-rules', { name: 'Fuzz', effect: { pointsPerUnit: 1 } });
  const campaign = await created('/v1/campaigns', {
    name: 'Fuzz',
    audience: { segment: 'all' },
    gift: { type: 'points', points: 1 },
  });
  const { runId } = (
    await t.api().post(`/v1/campaigns/${campaign}/run`).set(admin).send({}).expect(200)
  ).body as { runId: string };
  const apiKey = await created('/v1/api-keys', { name: 'Fuzz', role: 'marketer' });
  const webhookEndpoint = await created('/v1/webhook-endpoints', {
    url: 'https://hooks.invalid/vafa',
  });
  const { deliveryId } = (
    await t.api().post(`/v1/webhook-endpoints/${webhookEndpoint}/test`).set(admin).expect(202)
  ).body as { deliveryId: string };
  const redemption = await t
    .api()
    .post(`/v1/me/rewards/${reward}/redeem`)
    .set(bearer(member.token))
    .set('Idempotency-Key', 'fuzz-fixture-redeem')
    .expect(201);
  const orderId = 'fuzz-order-1';
  await t
    .api()
    .post('/v1/pos/checkouts')
    .set(bearer(t.keys.cashier))
    .set('Idempotency-Key', 'fuzz-fixture-checkout')
    .send({
      member: { id: member.id },
      orderId,
      channel: 'store',
      lines: [{ sku: 'COF-250', quantity: 2, unitPrice: 1000 }],
    })
    .expect(201);
  const ids: [RegExp, string][] = [
    [/^\/v1\/members\/\{id\}/, member.id],
    [/^\/v1\/earning-rules\//, rule],
    [/^\/v1\/tiers\//, tier],
    [/^\/v1\/referrals\//, referee.id],
    [/^\/v1\/rewards\/redemptions\//, (redemption.body as { redemptionId: string }).redemptionId],
    [/^\/v1\/rewards\/\{id\}/, reward],
    [/^\/v1\/me\/rewards\//, reward],
    [/^\/v1\/campaigns\//, campaign],
    [/^\/v1\/api-keys\//, apiKey],
    [/^\/v1\/webhook-endpoints\//, webhookEndpoint],
    [/^\/v1\/webhook-deliveries\//, deliveryId],
  ];
  return { member, referee, ids, runId, orderId, rewardId: reward };
}

function contextOf(fixtures: Fixtures): FuzzContext {
  return {
    pathId: (path, name) =>
      name === 'runId' ? fixtures.runId : fixtures.ids.find(([pattern]) => pattern.test(path))?.[1],
    knownFields: {
      member: fc.constantFrom(
        { id: fixtures.member.id },
        { cardNumber: fixtures.member.cardNumber },
      ),
      memberId: fc.constant(fixtures.member.id),
      rewardId: fc.constant(fixtures.rewardId),
      orderId: fc.constantFrom(fixtures.orderId, 'fuzz-new-order'),
      storeId: fc.constant('store-1'),
      referralCode: fc.constant(fixtures.member.referralCode),
    },
  };
}

/** Jobs do real work on every call; they take no input beyond what is fuzzed anyway. */
const runsOf = (operation: Operation): number =>
  operation.path.includes('/jobs/')
    ? RUNS_OF_A_JOB
    : operation.body
      ? RUNS_WITH_BODY
      : RUNS_WITHOUT_BODY;

async function send(t: TestApp, token: string, request: FuzzRequest): Promise<Response> {
  const method = request.method as 'get' | 'post' | 'put' | 'patch' | 'delete';
  const pending = t.api()[method](request.url).set(bearer(token)).set(request.headers);
  if (!request.body) {
    return pending;
  }
  if ('json' in request.body) {
    // Stringified here: superagent refuses bare numbers and booleans as a body.
    return pending
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(request.body.json) ?? '');
  }
  return pending.set('Content-Type', request.body.contentType).send(request.body.text);
}

/** What is wrong with the response, if anything. */
function problemWith(response: Response): string | undefined {
  if (response.status >= 500) {
    return `${response.status} ${JSON.stringify(response.body)}`;
  }
  if (response.status < 400) {
    return undefined;
  }
  const error = (response.body as { error?: { code?: unknown; message?: unknown } }).error;
  if (typeof error?.code !== 'string' || !ERROR_CODE.test(error.code)) {
    return `${response.status} without an UPPER_SNAKE error.code: ${response.text.slice(0, 200)}`;
  }
  if (typeof error.message !== 'string') {
    return `${response.status} without error.message`;
  }
  // Refused by PostgreSQL rather than by validation: a DTO is missing a bound.
  if (error.message === DATA_EXCEPTION_MESSAGE) {
    return `${response.status} from PostgreSQL`;
  }
  return undefined;
}

const describeRequest = (request: FuzzRequest): string =>
  `${request.method.toUpperCase()} ${request.url.slice(0, 200)} ${JSON.stringify(request.headers)} ${JSON.stringify(request.body)?.slice(0, 400) ?? ''}`;

describe('every operation of the OpenAPI document, under generated bad input', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Webhooks stay queued: fuzzed endpoint URLs are never called.
    t = await startTestApp({ env: { VAFA_WEBHOOKS: 'off' } });
  });
  afterAll(() => t.close());

  it('never answers 5xx, and every 4xx is in the error format', async () => {
    const document = (await t.api().get('/docs-json').expect(200)).body as Parameters<
      typeof operationsOf
    >[0];
    const fixtures = await createFixtures(t);
    const context = contextOf(fixtures);
    // Deletes last, so the other operations meet the fixtures alive.
    const operations = operationsOf(document).sort(
      (a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'),
    );
    expect(operations.length).toBeGreaterThanOrEqual(65);

    const problems: string[] = [];
    const statuses: Record<string, Record<number, number>> = {};
    let sent = 0;
    for (const [index, operation] of operations.entries()) {
      const token = /^\/v1\/me(\/|$)/.test(operation.path) ? fixtures.member.token : t.keys.admin;
      const requests = fc.sample(badRequests(operation, context), {
        seed: SEED + index,
        numRuns: runsOf(operation),
      });
      for (const request of requests) {
        const response = await send(t, token, request);
        sent++;
        const seen = (statuses[`${operation.method} ${operation.path}`] ??= {});
        seen[response.status] = (seen[response.status] ?? 0) + 1;
        const problem = problemWith(response);
        if (problem) {
          problems.push(`${describeRequest(request)}\n  -> ${problem}`);
        }
      }
    }
    console.log(`fuzz: ${sent} requests over ${operations.length} operations`);
    if (process.env.FUZZ_VERBOSE) {
      console.log(JSON.stringify(statuses, null, 1));
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
