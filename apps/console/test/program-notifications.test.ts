import { describe, expect, it } from 'vitest';
import {
  toProgramPatch,
  toProgramValues,
  type ProgramSettings,
} from '../src/pages/program/program-values';

const SETTINGS: ProgramSettings = {
  name: 'Vafa Rewards',
  currency: 'USD',
  minorUnitsPerMajor: 100,
  pointsPendingDays: 0,
  pointsExpiryDays: 365,
  redemptionPoints: 100,
  redemptionValue: 100,
  maxRedeemPercent: 100,
  goodwillDailyBudget: 0,
  goodwillMonthlyCap: 0,
  timeZone: 'UTC',
  defaultCountry: null,
  expiryReminderDays: [30, 7],
  tierDowngradeWarningDays: 14,
};

describe('program notification settings', () => {
  it('sends nothing when the reminder days are the same, in any order', () => {
    const values = toProgramValues(SETTINGS);
    expect(values.expiryReminderDays).toEqual(['30', '7']);
    expect(toProgramPatch(values, SETTINGS)).toEqual({});
    expect(toProgramPatch({ ...values, expiryReminderDays: ['7', '30'] }, SETTINGS)).toEqual({});
  });

  it('sends changed reminder days as numbers, reading Persian digits', () => {
    const values = { ...toProgramValues(SETTINGS), expiryReminderDays: ['۱۴', ' 3 ', '60'] };
    expect(toProgramPatch(values, SETTINGS)).toEqual({ expiryReminderDays: [14, 3, 60] });
  });

  it('sends what is not a day as typed, and an empty list, so the API says what is wrong', () => {
    const typo = { ...toProgramValues(SETTINGS), expiryReminderDays: ['30', 'soon'] };
    expect(toProgramPatch(typo, SETTINGS)).toEqual({ expiryReminderDays: [30, 'soon'] });
    const none = { ...toProgramValues(SETTINGS), expiryReminderDays: [] };
    expect(toProgramPatch(none, SETTINGS)).toEqual({ expiryReminderDays: [] });
  });

  it('sends the downgrade warning days, 0 to turn warnings off', () => {
    const values = { ...toProgramValues(SETTINGS), tierDowngradeWarningDays: 0 };
    expect(toProgramPatch(values, SETTINGS)).toEqual({ tierDowngradeWarningDays: 0 });
  });
});
