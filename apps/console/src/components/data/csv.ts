export type CsvCell = string | number | null;

/** Excel reads a CSV without it as the system's ANSI code page, which garbles Persian. */
export const UTF8_BOM = '\uFEFF';

// Spreadsheets run text starting with these as a formula (OWASP "CSV injection"); tab and
// carriage return count too, since some programs strip them first.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One field (RFC 4180): numbers as they are, text guarded against formulas and quoted when needed. */
export function csvField(value: CsvCell): string {
  if (value === null) {
    return '';
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : '';
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line and one line per row, CRLF-terminated (RFC 4180); no BOM (downloadCsv adds it). */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return [header, ...rows].map((line) => `${line.map(csvField).join(',')}\r\n`).join('');
}

/** Saves `csv` as a file: UTF-8 with a byte order mark, so Excel shows Persian text as Persian. */
export function downloadCsv(fileName: string, csv: string): void {
  const blob = new Blob([csv.startsWith(UTF8_BOM) ? csv : UTF8_BOM + csv], {
    type: 'text/csv;charset=utf-8',
  });
  saveBlob(fileName, blob);
}

/** Saves a blob as a download named `fileName` (a file the server sent, or one made here). */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the object URL can go once the event loop turns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
