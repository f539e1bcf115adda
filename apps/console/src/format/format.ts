import type { Language } from '../i18n/i18n';

/**
 * Every number and date on screen goes through these: Persian gets Persian digits
 * (`-u-nu-arabext`) and the Jalali calendar (`-u-ca-persian`), English Latin digits and Gregorian.
 */
const LOCALES: Record<Language, string> = {
  en: 'en-GB',
  fa: 'fa-IR-u-nu-arabext-ca-persian',
};

export const localeOf = (language: Language): string => LOCALES[language];

export function formatNumber(language: Language, value: number): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 2 }).format(value);
}

/** A measured quantity (a model parameter) to 4 significant digits: 0.2425, 4.414, 1544. */
export function formatSignificant(language: Language, value: number): string {
  return new Intl.NumberFormat(localeOf(language), { maximumSignificantDigits: 4 }).format(value);
}

/** Digits inside identifiers (card numbers, phones) in the language's digits, without grouping. */
export function formatDigits(language: Language, value: string): string {
  if (language === 'en') {
    return value;
  }
  const digits = new Intl.NumberFormat(localeOf(language), { useGrouping: false });
  return value.replace(/\d/g, (digit) => digits.format(Number(digit)));
}

export function formatDate(language: Language, value: string | Date): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium' }).format(
    new Date(value),
  );
}

export function formatDateTime(language: Language, value: string | Date): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(value));
}

/** A share (0.61) as a percentage in the language's digits and sign: "61%", "۶۱٪". */
export function formatPercent(language: Language, share: number): string {
  return new Intl.NumberFormat(localeOf(language), {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(share);
}

/**
 * The month an instant falls in, in the language's calendar: "Mar 2026", "فروردین ۱۴۰۵". A report's
 * month bucket starts at midnight in the program's time zone, so pass that zone: read in another
 * one, the first instant of a month may still be the previous month's last evening.
 */
export function formatMonth(language: Language, value: string | Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    year: 'numeric',
    month: 'short',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(new Date(value));
}
