/** Letters and digits without look-alikes (0/O, 1/l/I), so a password read aloud survives. */
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password of `length` characters (the API wants 12 to 200), without modulo bias. */
export function generatePassword(length = 20): string {
  const limit = 256 - (256 % ALPHABET.length);
  let password = '';
  while (password.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length))) {
      if (byte < limit && password.length < length) {
        password += ALPHABET[byte % ALPHABET.length];
      }
    }
  }
  return password;
}

export const MIN_PASSWORD_LENGTH = 12;
