import { describe, expect, it } from 'vitest';
import { generatePassword, MIN_PASSWORD_LENGTH } from '../src/pages/staff/generate-password';

describe('generatePassword', () => {
  it('makes passwords long enough for the API, of letters and digits without look-alikes', () => {
    const password = generatePassword();
    expect(password).toHaveLength(20);
    expect(password.length).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
    expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]+$/);
  });

  it('makes a different one each time, of the length asked for', () => {
    const seen = new Set(Array.from({ length: 50 }, () => generatePassword(16)));
    expect(seen.size).toBe(50);
    for (const password of seen) {
      expect(password).toHaveLength(16);
    }
  });
});
