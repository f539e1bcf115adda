import { hash } from '@node-rs/argon2';
import {
  generatePassword,
  hashPassword,
  needsRehash,
  PASSWORD_HASHING,
  verifyPassword,
} from './password-hashing';

describe('password hashing', () => {
  it('hashes with argon2id at the written-out parameters, salted, and verifies', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(first, 'correct horse batterY')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });

  it('asks for a rehash of hashes made with other parameters only', async () => {
    expect(needsRehash(await hashPassword('p'.repeat(12)))).toBe(false);
    const weaker = await hash('p'.repeat(12), { ...PASSWORD_HASHING, memoryCost: 8192 });
    expect(needsRehash(weaker)).toBe(true);
    expect(needsRehash('garbage')).toBe(true);
  });

  it('generates 20-character base64url passwords, different each time', () => {
    const passwords = new Set(Array.from({ length: 50 }, generatePassword));
    expect(passwords.size).toBe(50);
    for (const p of passwords) {
      expect(p).toMatch(/^[A-Za-z0-9_-]{20}$/);
    }
  });
});
