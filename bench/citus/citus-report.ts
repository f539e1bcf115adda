import type { DistributionReport } from '@vafa/app';
import type { CheckoutMeasurement } from './citus-checkout';
import type { ShardRouting } from './citus-routing';
import type { SuiteOutcome } from './citus-flows';

const routing = (r: ShardRouting | null): string =>
  r ? `${r.singleShard} single-shard, ${r.multiShard} multi-shard` : '—';

/** bench/citus's results as Markdown, for the terminal and bench/RESULTS.md. */
export function renderCitusReport(input: {
  when: Date;
  machine: string;
  distribution: DistributionReport;
  checkouts: CheckoutMeasurement[];
  flows: SuiteOutcome[];
}): string {
  const d = input.distribution;
  const reference = d.steps.filter((s) => s.placement === 'reference').length;
  const lines = [
    `### bench/citus, ${input.when.toISOString()} (${input.machine})`,
    '',
    `Citus ${d.citusVersion}, ${d.workers} worker nodes; ${d.steps.length - reference} distributed tables, ${reference} reference tables.`,
    '',
    '| database | checkouts/s (peak) | p99 at 70 % (ms) | failed | GET /v1/me/s | Citus routing: checkouts | Citus routing: /v1/me |',
    '|---|---|---|---|---|---|---|',
    ...input.checkouts.map(
      (c) =>
        `| ${c.database} | ${c.checkoutsPerSecond.toFixed(1)} | ${c.p99Ms ?? '—'} | ${c.failed} | ${c.meRequestsPerSecond.toFixed(1)} | ${routing(c.checkoutRouting)} | ${routing(c.meRouting)} |`,
    ),
  ];
  const paths = input.checkouts.find((c) => c.pathRouting)?.pathRouting;
  if (paths) {
    lines.push(
      '',
      '| on Citus, one request at a time (30 members) | statements on one shard | on several shards |',
      '|---|---|---|',
      ...Object.entries(paths).map(
        ([path, r]) => `| ${path} | ${r.singleShard} | ${r.multiShard} |`,
      ),
    );
  }
  if (input.flows.length > 0) {
    const passed = input.flows.filter((f) => f.failed === 0).length;
    lines.push(
      '',
      `E2E suites on Citus: ${passed} of ${input.flows.length} passed.`,
      '',
      '| suite | passed | failed | first failure |',
      '|---|---|---|---|',
      ...input.flows.map(
        (f) =>
          `| ${f.suite} | ${f.passed} | ${f.failed} | ${(f.firstFailure ?? '').replace(/\|/g, '\\|').slice(0, 200)} |`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
