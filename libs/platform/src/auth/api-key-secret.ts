import { hash, randomBytes } from 'node:crypto';

export const API_KEY_PREFIX = 'vafa_sk_';

export const generateApiKey = (): string => API_KEY_PREFIX + randomBytes(32).toString('base64url');

export const hashApiKey = (key: string): string => hash('sha256', key, 'hex');

/** What a key listing shows of a key: its `vafa_sk_` prefix (if any) and six characters. */
export const displayPrefix = (key: string): string =>
  key.slice(0, (key.startsWith(API_KEY_PREFIX) ? API_KEY_PREFIX.length : 0) + 6);
