import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The money-moving flows and the jobs, as their e2e suites (most end with the ledger audit
 * balanced), and the suites of the lookup tables and member-scoped keys.
 */
export const CITUS_FLOW_SUITES = [
  'test/points/checkout.e2e-spec.ts',
  'test/points/web-shop-orders.e2e-spec.ts',
  'test/points/goodwill.e2e-spec.ts',
  'test/points/rule-conditions.e2e-spec.ts',
  'test/rewards/redemptions.e2e-spec.ts',
  'test/rewards/till-redemptions.e2e-spec.ts',
  'test/rewards/coupons-at-checkout.e2e-spec.ts',
  'test/ledger/ledger-http.e2e-spec.ts',
  'test/ledger/ledger-lots.e2e-spec.ts',
  'test/ledger/ledger-races.e2e-spec.ts',
  'test/tiers/tier-assignment.e2e-spec.ts',
  'test/campaigns/campaigns.e2e-spec.ts',
  'test/referral/referrals.e2e-spec.ts',
  'test/members/members.e2e-spec.ts',
  'test/members/member-identities.e2e-spec.ts',
  'test/points/order-ids.e2e-spec.ts',
  'test/platform/idempotency-per-member.e2e-spec.ts',
  'test/notifications/downgrade-warnings.e2e-spec.ts',
  'test/notifications/expiring-reminders.e2e-spec.ts',
  'test/insights/insights-fit.e2e-spec.ts',
  'test/insights/segments-report.e2e-spec.ts',
  'test/scenarios/member-year.e2e-spec.ts',
  'test/webhooks/webhook-delivery.e2e-spec.ts',
  'test/webhooks/events-feed.e2e-spec.ts',
  'test/webhooks/webhook-dispatchers.e2e-spec.ts',
];

export interface SuiteOutcome {
  suite: string;
  passed: number;
  failed: number;
  firstFailure: string | null;
}

interface JestJson {
  testResults: {
    name: string;
    assertionResults: { status: string; fullName: string; failureMessages: string[] }[];
    message: string;
  }[];
}

/** Runs the suites one at a time against the Citus database and answers how each went. */
export async function runCitusFlows(options: {
  root: string;
  url: string;
  seedFile: string;
  outputFile: string;
  suites: readonly string[];
}): Promise<SuiteOutcome[]> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(options.root, 'node_modules/jest/bin/jest.js'),
        '-c',
        'bench/citus/jest.citus.config.js',
        '--runInBand',
        '--json',
        `--outputFile=${options.outputFile}`,
        ...options.suites,
      ],
      {
        cwd: options.root,
        env: {
          ...process.env,
          VAFA_TEST_CITUS_URL: options.url,
          VAFA_TEST_CITUS_SEED: options.seedFile,
        },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.once('error', reject);
    // Jest exits 1 when a test fails: the JSON says which.
    child.once('exit', () => resolve());
  });
  const report = JSON.parse(await readFile(options.outputFile, 'utf8')) as JestJson;
  return options.suites.map((suite) => {
    const result = report.testResults.find((r) => r.name.endsWith(suite));
    if (!result) {
      return { suite, passed: 0, failed: 1, firstFailure: 'did not run' };
    }
    const failed = result.assertionResults.filter((a) => a.status === 'failed');
    const first = failed[0];
    return {
      suite,
      passed: result.assertionResults.filter((a) => a.status === 'passed').length,
      failed: failed.length + (result.assertionResults.length === 0 && result.message ? 1 : 0),
      firstFailure: first
        ? `${first.fullName}: ${(first.failureMessages[0] ?? '').split('\n')[0]}`
        : result.assertionResults.length === 0 && result.message
          ? (result.message.split('\n').find((l) => l.trim()) ?? null)
          : null,
    };
  });
}
