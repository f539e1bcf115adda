import { describe, expect, it } from 'vitest';
import en from '../src/i18n/en.json';
import fa from '../src/i18n/fa.json';
import { cronInWords, cronShape } from '../src/pages/campaigns/cron-words';

/** A tiny t() over the real translation files, so the sentences tested are the ones shown. */
const translate =
  (tree: object) =>
  (key: string, values: Record<string, string> = {}): string => {
    const template = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree);
    if (typeof template !== 'string') {
      throw new Error(`missing key ${key}`);
    }
    return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
  };

describe('cron shapes', () => {
  it('reads the common shapes', () => {
    expect(cronShape('* * * * *')).toEqual({ kind: 'everyMinute' });
    expect(cronShape('*/15 * * * *')).toEqual({ kind: 'everyNMinutes', n: 15 });
    expect(cronShape('0 * * * *')).toEqual({ kind: 'hourly', minute: 0 });
    expect(cronShape('30 9 * * *')).toEqual({ kind: 'daily', hour: 9, minute: 30 });
    expect(cronShape('0 10 * * 1')).toEqual({ kind: 'weekly', days: [1], hour: 10, minute: 0 });
    expect(cronShape('0 10 * * 1-5')).toEqual({
      kind: 'weekly',
      days: [1, 2, 3, 4, 5],
      hour: 10,
      minute: 0,
    });
    expect(cronShape('0 8 * * 6,7')).toEqual({ kind: 'weekly', days: [0, 6], hour: 8, minute: 0 });
    expect(cronShape('0 9 1 * *')).toEqual({ kind: 'monthly', day: 1, hour: 9, minute: 0 });
  });

  it('gives up on anything else, so the expression is shown as written', () => {
    for (const expression of [
      '',
      '0 10 * *',
      '0 10 * 1 *',
      '0 */2 * * *',
      '0 10 1 * 1',
      '61 10 * * *',
      '0 24 * * *',
      '0 10 * * 1-',
      '0 10 32 * *',
      '@daily',
    ]) {
      expect({ expression, shape: cronShape(expression) }).toEqual({ expression, shape: null });
    }
  });
});

describe('cron in words', () => {
  const english = translate(en);
  const persian = translate(fa);

  it('says the schedule in English', () => {
    expect(cronInWords('* * * * *', 'en', english)).toBe('Every minute');
    expect(cronInWords('*/5 * * * *', 'en', english)).toBe('Every 5 minutes');
    expect(cronInWords('0 * * * *', 'en', english)).toBe('Every hour, on the hour');
    expect(cronInWords('15 * * * *', 'en', english)).toBe('Every hour at minute 15');
    expect(cronInWords('30 9 * * *', 'en', english)).toBe('Every day at 09:30');
    expect(cronInWords('0 10 * * 1', 'en', english)).toBe('Every Monday at 10:00');
    expect(cronInWords('0 10 * * 1,3', 'en', english)).toBe('Every Monday and Wednesday at 10:00');
    expect(cronInWords('0 10 * * 1-5', 'en', english)).toBe(
      'Every weekday (Monday to Friday) at 10:00',
    );
    expect(cronInWords('0 9 1 * *', 'en', english)).toBe('On day 1 of every month at 09:00');
    expect(cronInWords('0 9 1 2 *', 'en', english)).toBeNull();
  });

  it('says it in Persian with Persian digits and weekday names', () => {
    expect(cronInWords('30 9 * * *', 'fa', persian)).toBe('هر روز ساعت ۰۹:۳۰');
    const weekly = cronInWords('0 10 * * 5', 'fa', persian);
    expect(weekly).toContain('جمعه');
    expect(weekly).toContain('۱۰:۰۰');
  });
});
