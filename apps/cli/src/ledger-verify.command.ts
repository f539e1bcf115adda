import type { DataSource } from 'typeorm';
import { LedgerAuditQuery } from '@vafa/ledger';

/** Prints the audit and exits non-zero when any balance or lot disagrees with the history. */
export async function verifyLedger(dataSource: DataSource): Promise<void> {
  const report = await new LedgerAuditQuery(dataSource).audit();
  console.log(
    `Checked ${report.checkedAccounts} accounts, ${report.checkedLots} lots, ${report.checkedTransactions} transactions.`,
  );
  if (report.balanced) {
    console.log('The ledger is balanced.');
    return;
  }
  console.log(`${report.discrepancies.length} discrepancies:`);
  for (const d of report.discrepancies) {
    console.log(JSON.stringify(d));
  }
  process.exitCode = 1;
}
