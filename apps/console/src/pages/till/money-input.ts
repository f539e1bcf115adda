/** Persian (U+06F0…) and Arabic-Indic (U+0660…) digits, as a Persian keyboard types them. */
const EASTERN_DIGITS = /[\u06F0-\u06F9\u0660-\u0669]/g;
/** Grouping marks people type in amounts: the comma, the Arabic thousands separator, spaces. */
const GROUPING = /[,\u066C\s\u00A0\u202F]/g;
/** The decimal point, or the Arabic decimal separator (٫) of Persian amounts. */
const DECIMAL = /\u066B/g;

const latinDigit = (digit: string): string => {
  const code = digit.charCodeAt(0);
  return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
};

/** Persian and Arabic-Indic digits as Latin ones: what the API reads in cards, phones, amounts. */
export const latinDigits = (text: string): string => text.replace(EASTERN_DIGITS, latinDigit);

/**
 * A typed amount in major units ("12.50", "۱۲٫۵۰", "1,200") to the API's minor units, or null
 * when it is not an amount of this currency: empty, negative, not a number, or with more
 * decimals than the currency has (12.345 of a currency with cents).
 */
export function parseMoney(text: string, minorUnitsPerMajor: number): number | null {
  const normalized = latinDigits(text).replace(GROUPING, '').replace(DECIMAL, '.');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(normalized);
  if (match === null) {
    return null;
  }
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  const decimals = Math.round(Math.log10(minorUnitsPerMajor));
  if (10 ** decimals !== minorUnitsPerMajor) {
    // A currency whose minor unit is no power of ten: the nearest whole minor unit.
    return Math.round(Number(`${whole}.${fraction || '0'}`) * minorUnitsPerMajor);
  }
  if (fraction.length > decimals) {
    return null;
  }
  const minor = Number(whole) * minorUnitsPerMajor + Number(fraction.padEnd(decimals, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}
