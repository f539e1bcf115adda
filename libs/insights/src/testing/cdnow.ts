import * as fs from 'fs';
import * as path from 'path';
import type { Transaction } from '../customer-summary';

/** Rows of a small CSV file (no quoted commas) keyed by header; surrounding quotes are stripped. */
export function readCsv(file: string): Record<string, string>[] {
  const lines = fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const unquote = (cell: string): string => cell.trim().replace(/^"(.*)"$/, '$1');
  const header = (lines[0] ?? '').split(',').map(unquote);
  return lines.slice(1).map((line) => {
    const cells = line.split(',').map(unquote);
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
  });
}

export function numberField(row: Record<string, string>, name: string): number {
  const raw = row[name];
  const value = raw === undefined || raw === '' ? NaN : Number(raw);
  if (!Number.isFinite(value)) {
    throw new Error(`field ${name} is missing or not a number: ${JSON.stringify(raw)}`);
  }
  return value;
}

/**
 * The real CDNOW data (and published summaries of it) sit outside the repository, beside its
 * checkout: <workspace>/shared/data/cdnow (VAFA_CDNOW_DIR elsewhere). They stay out of the
 * project; the synthetic history in synthetic-cdnow-sample.txt has their format and is always
 * there.
 */
export const CDNOW_DIR =
  process.env.VAFA_CDNOW_DIR ?? path.resolve(__dirname, '../../../../../shared/data/cdnow');

const inCi = (): boolean => !['', '0', 'false'].includes(process.env.CI ?? '');

/** Fails with the path when a CDNOW file is missing (an assertion helper for CI). */
function assertCdnowFile(file: string): void {
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: CI runs the CDNOW reference tests on the real data`);
  }
}

/**
 * `describe` for tests on the real CDNOW files (`files`, in CDNOW_DIR). Without them the block
 * is skipped with a warning on a developer's machine, and fails in CI (CI set), where a missing
 * data set must not pass unnoticed.
 */
export function describeWithCdnowData(name: string, files: string[], body: () => void): void {
  const missing = files.map((f) => path.join(CDNOW_DIR, f)).filter((f) => !fs.existsSync(f));
  if (missing.length === 0) {
    describe(name, body);
  } else if (inCi()) {
    describe(name, () => {
      it.each(missing)('needs %s', (file) => assertCdnowFile(file));
    });
  } else {
    console.warn(`CDNOW data not found (${missing.join(', ')}): skipping "${name}"`);
    describe.skip(name, body);
  }
}

/** CDNOW_sample.txt in `dir`: see readCdnowSampleFile. */
export function readCdnowSample(dir: string): Transaction[] {
  return readCdnowSampleFile(path.join(dir, 'CDNOW_sample.txt'));
}

/** CDNOW_sample.txt's format: no header; columns master_id sample_id date(YYYYMMDD) cds dollars. */
export function readCdnowSampleFile(file: string): Transaction[] {
  const text = fs.readFileSync(file, 'utf8');
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [, sampleId, date, , dollars] = line.trim().split(/\s+/);
      if (
        sampleId === undefined ||
        date === undefined ||
        dollars === undefined ||
        !/^\d{8}$/.test(date)
      ) {
        throw new Error(`unexpected CDNOW_sample line: ${line}`);
      }
      const occurredAt = new Date(
        Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8))),
      );
      return { customerId: String(Number(sampleId)), occurredAt, amount: Number(dollars) };
    });
}
