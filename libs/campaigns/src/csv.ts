/** RFC 4180 text: fields joined by commas, records ended by CRLF. */
export const CSV_BOM = '\uFEFF';

/**
 * A spreadsheet runs a cell starting with = + - @ (or a tab or CR before one) as a formula; a
 * leading apostrophe makes it text again. Only text cells are guarded: numbers stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null): string {
  if (value === null) {
    return '';
  }
  if (typeof value === 'number') {
    return String(value);
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRecord = (fields: (string | number | null)[]): string =>
  `${fields.map(csvField).join(',')}\r\n`;
