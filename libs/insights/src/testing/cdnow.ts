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

/** CDNOW_sample.txt: no header; columns master_id sample_id date(YYYYMMDD) cds dollars. */
export function readCdnowSample(dir: string): Transaction[] {
  const text = fs.readFileSync(path.join(dir, 'CDNOW_sample.txt'), 'utf8');
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
