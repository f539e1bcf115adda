import type { Language } from '../i18n/i18n';
import { localeOf } from './format';

/**
 * An amount in minor units (what the API stores) in the program's currency: 12345 with 100 minor
 * units per major is 123.45. The currency code is the program's own (any three letters), so an
 * unknown one falls back to the number and the code.
 */
export function formatMoney(
  language: Language,
  minor: number,
  currency: string,
  minorUnitsPerMajor: number,
): string {
  const major = minor / minorUnitsPerMajor;
  const fractionDigits = Math.max(0, Math.round(Math.log10(minorUnitsPerMajor)));
  const options = { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
  try {
    return new Intl.NumberFormat(localeOf(language), {
      ...options,
      style: 'currency',
      currency,
    }).format(major);
  } catch {
    return `${new Intl.NumberFormat(localeOf(language), options).format(major)} ${currency}`;
  }
}
