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

/** Digits inside identifiers (card numbers, phones) in the language's digits, without grouping. */
export function formatDigits(language: Language, value: string): string {
  if (language === 'en') return value;
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
