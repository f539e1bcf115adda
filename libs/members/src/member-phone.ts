import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

/** What a phone field may hold before parsing: digits, spaces, ( ) . - and + anywhere. */
export const PHONE_PATTERN = /^[\d\s().+-]{6,30}$/;

/**
 * A phone as E.164 (`+989120001234`), or null when it cannot be one. A number written without
 * its country code (`0912 000 1234`) is read in `defaultCountry`. Numbers must be possible for
 * their country (their length), not known to be allocated: metadata lags new number ranges.
 */
export function toE164(phone: string, defaultCountry: string | null): string | null {
  const parsed = parsePhoneNumberFromString(
    phone.trim(),
    (defaultCountry ?? undefined) as CountryCode | undefined,
  );
  return parsed?.isPossible() ? parsed.number : null;
}

/**
 * How phones were stored before E.164: digits with an optional leading '+'. Look-ups also try
 * this form, so members saved before the change (without a country code) are still found.
 */
export const legacyPhone = (phone: string): string => {
  const trimmed = phone.trim();
  return (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/\D/g, '');
};

/** True when `country` is an ISO 3166 alpha-2 code libphonenumber knows. */
export { isSupportedCountry } from 'libphonenumber-js';
