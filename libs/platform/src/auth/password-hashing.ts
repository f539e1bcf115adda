import { Algorithm, hash, parseOptions, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

/**
 * argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): about 50 ms a hash
 * on one core. Written out so a library upgrade cannot weaken it silently.
 */
export const PASSWORD_HASHING = {
  algorithm: Algorithm.Argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

export const MIN_PASSWORD_LENGTH = 12;
/** argon2 takes any length; a bound keeps a megabyte "password" from costing more than a hash. */
export const MAX_PASSWORD_LENGTH = 200;

export const hashPassword = (password: string): Promise<string> => hash(password, PASSWORD_HASHING);

export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> =>
  verify(passwordHash, password).catch(() => false);

/** Whether a stored hash was made with other parameters than today's (then it is remade). */
export function needsRehash(passwordHash: string): boolean {
  try {
    const used = parseOptions(passwordHash);
    return (
      used.algorithm !== PASSWORD_HASHING.algorithm ||
      used.memoryCost !== PASSWORD_HASHING.memoryCost ||
      used.timeCost !== PASSWORD_HASHING.timeCost ||
      used.parallelism !== PASSWORD_HASHING.parallelism ||
      used.outputLen !== PASSWORD_HASHING.outputLen
    );
  } catch {
    return true;
  }
}

/**
 * A hash of a password no one knows, verified against when the email is unknown, so that an
 * unknown email takes as long to refuse as a wrong password.
 */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = (): Promise<string> =>
  (dummyHash ??= hashPassword(randomBytes(32).toString('base64url')));

/** 20 characters of base64url (120 bits): what `vafa staff add` hands out. */
export const generatePassword = (): string => randomBytes(15).toString('base64url');
