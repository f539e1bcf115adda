import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or retyped is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const COUPON_CODE_PATTERN = /^VAFA-[0-9A-HJKMNP-TV-Z]{12}$/;

/** `VAFA-` and 12 base32 characters: 60 bits from the system's CSPRNG, so codes can't be guessed. */
export function newCouponCode(): string {
  let bits = randomBytes(8).readBigUInt64BE();
  let code = '';
  for (let i = 0; i < 12; i++) {
    code += ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return `VAFA-${code}`;
}
