import type { Language } from '../../i18n/i18n';

export type ReportCalendar = 'gregorian' | 'persian';

/** Reports by month are bucketed in the calendar the reader counts months in. */
export const calendarOf = (language: Language): ReportCalendar =>
  language === 'fa' ? 'persian' : 'gregorian';
