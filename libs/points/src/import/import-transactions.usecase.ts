import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import { ImportPointsAwarder } from './import-points.usecase';
import { type PreparedBatch, TransactionImportWriter } from './transaction-import.usecase';
import { ImportFileError, type ImportRow, TransactionRowReader } from './transaction-row';

export interface ImportTransactionsOptions {
  awardPoints?: boolean;
  /** Rows per database round trip (default 5,000). */
  batchSize?: number;
}

export interface ImportSummary {
  rowsRead: number;
  membersCreated: number;
  ordersImported: number;
  duplicatesSkipped: number;
  badRows: number;
  ordersAwarded: number;
  pointsAwarded: number;
  elapsedMs: number;
}

/** How an import tells whoever runs it how far it got (the CLI draws a progress bar). */
export interface ImportProgress {
  /** Before the first row, with the file's size. */
  start(totalBytes: number): void;
  update(bytesRead: number, rowsRead: number): void;
  /** A row that was skipped, by its line number in the file. */
  badRow(line: number, problem: string): void;
  /** Something the operator should know that is not about one row. */
  warn(message: string): void;
  /** After the last batch, or when the import failed. */
  stop(): void;
}

const SILENT: ImportProgress = {
  start: () => undefined,
  update: () => undefined,
  badRow: () => undefined,
  warn: () => undefined,
  stop: () => undefined,
};

export const DEFAULT_BATCH_SIZE = 5_000;
const READ_CHUNK_BYTES = 16 * 1024;
const ROWS_BETWEEN_YIELDS = 256;

const yieldToIo = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/**
 * The purchase-history import (`vafa import transactions FILE.csv`): streams the file, validates
 * each row (bad rows are reported by line number and skipped), and writes members and orders in
 * batches. Re-running the same file adds nothing; `awardPoints` credits the imported orders.
 */
export async function importTransactions(
  dataSource: DataSource,
  file: string,
  options: ImportTransactionsOptions = {},
  progress: ImportProgress = SILENT,
): Promise<ImportSummary> {
  const started = Date.now();
  const size = await stat(file).then(
    (s) => s.size,
    (error: Error) => {
      throw new ImportFileError(`Cannot read ${file}: ${error.message}`);
    },
  );
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const writer = new TransactionImportWriter(dataSource);
  const awarder = options.awardPoints ? await ImportPointsAwarder.open(dataSource) : null;
  if (awarder && awarder.baseRules === 0) {
    progress.warn('No active earning rule sets pointsPerUnit: no points will be awarded.');
  }

  const summary: ImportSummary = {
    rowsRead: 0,
    membersCreated: 0,
    ordersImported: 0,
    duplicatesSkipped: 0,
    badRows: 0,
    ordersAwarded: 0,
    pointsAwarded: 0,
    elapsedMs: 0,
  };
  const report = (line: number, problem: string): void => {
    summary.badRows++;
    progress.badRow(line, problem);
  };

  // Small chunks and a yield every few hundred rows (below) keep the parsing from holding up the
  // database replies of the batch being written: parsed records are consumed in microtasks,
  // which run to the end of what was read before any I/O callback gets its turn.
  const input = createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
  let bytesRead = 0;
  input.on('data', (chunk) => (bytesRead += chunk.length));
  const parser = input.pipe(
    parse({
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: true,
      info: true,
    }),
  );
  parser.on('skip', (error: Error & { lines?: number }) => {
    summary.rowsRead++;
    report(error.lines ?? 0, `malformed CSV (${error.message})`);
  });

  let reader: TransactionRowReader | null = null;
  let batch: ImportRow[] = [];
  const write = async (prepared: PreparedBatch): Promise<void> => {
    const { rows } = prepared;
    const outcome = await writer.write(prepared);
    summary.membersCreated += outcome.membersCreated;
    summary.ordersImported += outcome.ordersImported;
    summary.duplicatesSkipped += rows.length - outcome.ordersImported;
    if (awarder) {
      const awarded = await awarder.award(rows.map((r) => r.orderId));
      summary.ordersAwarded += awarded.orders;
      summary.pointsAwarded += awarded.points;
    }
    progress.update(bytesRead, summary.rowsRead);
  };
  // One batch is written while the next one is read: the database and the parsing overlap, and
  // batches still reach the database one at a time, in file order.
  let writing: Promise<void> = Promise.resolve();
  const flush = async (): Promise<void> => {
    if (batch.length === 0) {
      return;
    }
    // The next batch's parameters are built before waiting for the one being written, so the
    // database does not wait for them.
    const prepared = writer.prepare(batch);
    batch = [];
    await writing;
    writing = write(prepared);
    // Failures surface at the next flush or at the end; until then they are not unhandled.
    writing.catch(() => undefined);
  };

  progress.start(size);
  try {
    for await (const { record, info } of parser as AsyncIterable<ParsedRecord>) {
      if (!reader) {
        reader = new TransactionRowReader(record, new Date());
        continue;
      }
      summary.rowsRead++;
      if (summary.rowsRead % ROWS_BETWEEN_YIELDS === 0) {
        await yieldToIo();
      }
      const result = reader.read(record, info.lines);
      if (result.ok) {
        batch.push(result.row);
      } else {
        report(info.lines, result.problem);
      }
      if (batch.length >= batchSize) {
        await flush();
      }
    }
    await flush();
    await writing;
    progress.update(size, summary.rowsRead);
  } finally {
    // A failed read must not leave a batch writing while the connection closes.
    await writing.catch(() => undefined);
    progress.stop();
    input.destroy();
    await awarder?.close();
  }
  if (!reader) {
    throw new ImportFileError(`${file} is empty: expected a header row.`);
  }

  summary.elapsedMs = Date.now() - started;
  return summary;
}
