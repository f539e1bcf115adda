import type { ProgramSettingsDto } from './program-settings.dto';
import type { ProgramSettingsEntity } from './program-settings.entity';

/** The settings as GET /v1/program shows them (and the audit log records them). */
export const toProgramSettingsView = (s: ProgramSettingsEntity): ProgramSettingsDto => ({
  name: s.name,
  currency: s.currency,
  minorUnitsPerMajor: s.minorUnitsPerMajor,
  pointsPendingDays: s.pointsPendingDays,
  pointsExpiryDays: s.pointsExpiryDays,
  redemptionPoints: s.redemptionPoints,
  redemptionValue: s.redemptionValue,
  maxRedeemPercent: s.maxRedeemPercent,
  goodwillDailyBudget: s.goodwillDailyBudget,
  goodwillMonthlyCap: s.goodwillMonthlyCap,
  timeZone: s.timeZone,
  defaultCountry: s.defaultCountry,
  expiryReminderDays: s.expiryReminderDays,
  tierDowngradeWarningDays: s.tierDowngradeWarningDays,
});
