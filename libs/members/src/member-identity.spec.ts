import { generateCardNumber, generateReferralCode, isValidCardNumber } from './member-identity';

describe('generated member identifiers', () => {
  it('draws valid 16-digit card numbers with the program prefix, every digit in use', () => {
    const cards = Array.from({ length: 2_000 }, () => generateCardNumber());
    for (const card of cards) {
      expect(card).toMatch(/^7426\d{12}$/);
      expect(isValidCardNumber(card)).toBe(true);
    }
    expect(new Set(cards).size).toBe(cards.length);
    // Each random position takes every digit: the 11 digits are not drawn with a bias.
    for (let position = 4; position < 15; position++) {
      expect(new Set(cards.map((c) => c[position])).size).toBe(10);
    }
  });

  it('draws 8-character referral codes from the whole alphabet at every position', () => {
    const codes = Array.from({ length: 2_000 }, () => generateReferralCode());
    for (const code of codes) {
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    }
    expect(new Set(codes).size).toBe(codes.length);
    for (let position = 0; position < 8; position++) {
      expect(new Set(codes.map((c) => c[position])).size).toBe(32);
    }
  });
});
