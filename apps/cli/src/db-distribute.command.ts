import type { DataSource } from 'typeorm';
import { distributeDatabase, DistributionRefused } from '@vafa/app';

/** `vafa db distribute`: places the schema over a Citus cluster and says what it did. */
export async function distributeCommand(dataSource: DataSource): Promise<void> {
  try {
    const report = await distributeDatabase(dataSource);
    const created = report.steps.filter((s) => s.outcome === 'created');
    for (const step of created) {
      console.log(`  ${step.table}: ${step.placement}`);
    }
    console.log(
      `Citus ${report.citusVersion}, ${report.workers} worker node(s): ${created.length} table(s) placed now, ${report.steps.length - created.length} already in place.`,
    );
    if (report.workers === 0) {
      console.log(
        'There are no worker nodes yet: the shards live on the coordinator until you add workers (citus_add_node) and rebalance (citus_rebalance_start).',
      );
    }
  } catch (error) {
    if (!(error instanceof DistributionRefused)) {
      throw error;
    }
    console.error(error.message);
    process.exitCode = 1;
  }
}
