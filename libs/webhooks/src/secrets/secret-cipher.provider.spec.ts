import { randomBytes } from 'node:crypto';
import { SecretCipher } from './secret-cipher.provider';

describe('SecretCipher', () => {
  const cipher = new SecretCipher(randomBytes(32));

  it('encrypts so that only the same key and endpoint decrypt', () => {
    const stored = cipher.encrypt('whsec_abc', 'endpoint-1');
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain('whsec_abc');
    expect(cipher.encrypt('whsec_abc', 'endpoint-1')).not.toBe(stored);
    expect(cipher.decrypt(stored, 'endpoint-1')).toBe('whsec_abc');
    expect(() => cipher.decrypt(stored, 'endpoint-2')).toThrow();
    expect(() => new SecretCipher(randomBytes(32)).decrypt(stored, 'endpoint-1')).toThrow();
  });
});
