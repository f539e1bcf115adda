import { Presets, SingleBar } from 'cli-progress';
import { basename } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  type ImportProgress,
  type ImportSummary,
  importTransactions,
  type ImportTransactionsOptions,
} from '@vafa/points';

/** A progress bar on stderr, with bad rows printed above it. */
function progressBar(): ImportProgress {
  const interactive = process.stderr.isTTY === true;
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: 'Importing |{bar}| {percentage}% | {rows} rows | {eta_formatted} left',
      hideCursor: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  return {
    start: (totalBytes) => bar.start(totalBytes, 0, { rows: 0 }),
    update: (bytesRead, rows) => bar.update(bytesRead, { rows }),
    // Clears the progress line first, which redraws itself on the next update.
    badRow: (line, problem) =>
      process.stderr.write(`${interactive ? '\r\x1b[2K' : ''}line ${line}: ${problem}\n`),
    warn: (message) => console.error(message),
    stop: () => bar.stop(),
  };
}

/** `vafa import transactions FILE.csv`: the import with a progress bar and a summary line. */
export async function importTransactionsCommand(
  dataSource: DataSource,
  file: string,
  options: ImportTransactionsOptions,
): Promise<ImportSummary> {
  const summary = await importTransactions(dataSource, file, options, progressBar());
  const parts = [
    `${summary.rowsRead} rows read`,
    `${summary.membersCreated} members created`,
    `${summary.ordersImported} orders imported`,
    `${summary.duplicatesSkipped} duplicates skipped`,
    `${summary.badRows} bad rows`,
  ];
  if (options.awardPoints) {
    parts.push(`${summary.pointsAwarded} points awarded on ${summary.ordersAwarded} orders`);
  }
  console.log(
    `Imported ${basename(file)} in ${(summary.elapsedMs / 1000).toFixed(1)} s: ${parts.join(', ')}.`,
  );
  return summary;
}
