import { randomInt } from 'node:crypto';

const REFERRAL_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const REFERRAL_LENGTH = 8;
const REFERRAL_RANGE = REFERRAL_ALPHABET.length ** REFERRAL_LENGTH;
const CARD_PREFIX = '7426';
/** The 11 digits between the prefix and the check digit, drawn at once. */
const CARD_RANDOM_DIGITS = 11;
const CARD_RANDOM_RANGE = 10 ** CARD_RANDOM_DIGITS;

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) {
        d -= 9;
      }
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A 16-digit card number with a Luhn check digit, so typos at the till are caught. */
export function generateCardNumber(): string {
  const body = CARD_PREFIX + String(randomInt(CARD_RANDOM_RANGE)).padStart(CARD_RANDOM_DIGITS, '0');
  return body + String(luhnCheckDigit(body));
}

export function isValidCardNumber(card: string): boolean {
  return /^\d{16}$/.test(card) && luhnCheckDigit(card.slice(0, 15)) === Number(card[15]);
}

/** 8 characters without look-alikes (no 0/O, 1/I). */
export function generateReferralCode(): string {
  // One draw of 40 random bits, 5 per character (the alphabet has 32 letters): imports create
  // members by the million, and a draw per character was most of their cost.
  let bits = randomInt(REFERRAL_RANGE);
  let code = '';
  for (let i = 0; i < REFERRAL_LENGTH; i++) {
    code += REFERRAL_ALPHABET[bits % REFERRAL_ALPHABET.length];
    bits = Math.floor(bits / REFERRAL_ALPHABET.length);
  }
  return code;
}
