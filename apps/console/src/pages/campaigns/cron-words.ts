import { formatDigits, localeOf } from '../../format/format';
import type { Language } from '../../i18n/i18n';

/** A cron expression of a common shape; anything else is shown as written. */
export type CronShape =
  | { kind: 'everyMinute' }
  | { kind: 'everyNMinutes'; n: number }
  | { kind: 'hourly'; minute: number }
  | { kind: 'daily'; hour: number; minute: number }
  | { kind: 'weekly'; days: number[]; hour: number; minute: number }
  | { kind: 'monthly'; day: number; hour: number; minute: number };

const inRange = (text: string, min: number, max: number): number | null => {
  if (!/^\d{1,2}$/.test(text)) {
    return null;
  }
  const value = Number(text);
  return value >= min && value <= max ? value : null;
};

/** Weekdays 0..6 (Sunday 0; cron's 7 is Sunday too) from a list of days and ranges: "1-5", "1,3,5". */
function weekdays(field: string): number[] | null {
  const days = new Set<number>();
  for (const part of field.split(',')) {
    const [from, to] = part.split('-');
    const start = inRange(from ?? '', 0, 7);
    const end = to === undefined ? start : inRange(to, 0, 7);
    if (start === null || end === null || end < start || part.split('-').length > 2) {
      return null;
    }
    for (let day = start; day <= end; day += 1) {
      days.add(day % 7);
    }
  }
  return [...days].sort((a, b) => a - b);
}

/** Reads the five fields of a cron expression (minute hour day-of-month month weekday). */
export function cronShape(expression: string): CronShape | null {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    return null;
  }
  const [minuteField, hourField, dayField, monthField, weekdayField] = fields as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (monthField !== '*') {
    return null;
  }
  const restEvery = dayField === '*' && weekdayField === '*';
  if (restEvery && hourField === '*') {
    if (minuteField === '*') {
      return { kind: 'everyMinute' };
    }
    const step = /^\*\/(\d{1,2})$/.exec(minuteField);
    if (step) {
      const n = inRange(step[1] as string, 1, 59);
      return n === null ? null : n === 1 ? { kind: 'everyMinute' } : { kind: 'everyNMinutes', n };
    }
    const minute = inRange(minuteField, 0, 59);
    return minute === null ? null : { kind: 'hourly', minute };
  }
  const minute = inRange(minuteField, 0, 59);
  const hour = inRange(hourField, 0, 23);
  if (minute === null || hour === null) {
    return null;
  }
  if (restEvery) {
    return { kind: 'daily', hour, minute };
  }
  if (dayField === '*') {
    const days = weekdays(weekdayField);
    if (days === null) {
      return null;
    }
    return days.length === 7
      ? { kind: 'daily', hour, minute }
      : { kind: 'weekly', days, hour, minute };
  }
  if (weekdayField !== '*') {
    return null;
  }
  const day = inRange(dayField, 1, 31);
  return day === null ? null : { kind: 'monthly', day, hour, minute };
}

type Translate = (key: string, values?: Record<string, string>) => string;

const clock = (language: Language, hour: number, minute: number): string =>
  formatDigits(language, `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);

function weekdayNames(language: Language, days: number[]): string {
  const name = new Intl.DateTimeFormat(localeOf(language), { weekday: 'long', timeZone: 'UTC' });
  // 7 January 2024 was a Sunday (cron weekday 0).
  const names = days.map((day) => name.format(new Date(Date.UTC(2024, 0, 7 + day))));
  return new Intl.ListFormat(localeOf(language), { type: 'conjunction' }).format(names);
}

/** The schedule in words in the language on screen, or null when its shape is not a common one. */
export function cronInWords(expression: string, language: Language, t: Translate): string | null {
  const shape = cronShape(expression);
  if (shape === null) {
    return null;
  }
  const number = (value: number) => formatDigits(language, String(value));
  switch (shape.kind) {
    case 'everyMinute':
      return t('campaigns.cron.everyMinute');
    case 'everyNMinutes':
      return t('campaigns.cron.everyNMinutes', { n: number(shape.n) });
    case 'hourly':
      return shape.minute === 0
        ? t('campaigns.cron.everyHour')
        : t('campaigns.cron.hourlyAt', { minute: number(shape.minute) });
    case 'daily':
      return t('campaigns.cron.daily', { time: clock(language, shape.hour, shape.minute) });
    case 'weekly': {
      const time = clock(language, shape.hour, shape.minute);
      const isWorkweek = shape.days.join(',') === '1,2,3,4,5';
      return isWorkweek
        ? t('campaigns.cron.workdays', { time })
        : t('campaigns.cron.weekly', { days: weekdayNames(language, shape.days), time });
    }
    case 'monthly':
      return t('campaigns.cron.monthly', {
        day: number(shape.day),
        time: clock(language, shape.hour, shape.minute),
      });
  }
}
