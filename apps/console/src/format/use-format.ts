import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n/i18n';
import {
  formatDate,
  formatDateTime,
  formatDigits,
  formatMonth,
  formatNumber,
  formatPercent,
  formatSignificant,
} from './format';

export interface Formatters {
  language: Language;
  number: (value: number) => string;
  digits: (value: string) => string;
  date: (value: string | Date) => string;
  dateTime: (value: string | Date) => string;
  /** To 4 significant digits, for model parameters. */
  significant: (value: number) => string;
  /** A share (0..1) as a percentage. */
  percent: (share: number) => string;
  /** The month an instant falls in (Jalali in Persian); see formatMonth for the time zone. */
  month: (value: string | Date, timeZone?: string) => string;
}

/** The formatters for the language on screen; re-renders when the language changes. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language: Language = (LANGUAGES as readonly string[]).includes(i18n.language)
    ? (i18n.language as Language)
    : 'en';
  return {
    language,
    number: (value) => formatNumber(language, value),
    digits: (value) => formatDigits(language, value),
    date: (value) => formatDate(language, value),
    dateTime: (value) => formatDateTime(language, value),
    significant: (value) => formatSignificant(language, value),
    percent: (share) => formatPercent(language, share),
    month: (value, timeZone) => formatMonth(language, value, timeZone),
  };
}
