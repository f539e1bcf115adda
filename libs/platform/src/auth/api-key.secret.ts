import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_PREFIX = 'vafa_sk_';

export const generateApiKey = (): string => API_KEY_PREFIX + randomBytes(32).toString('base64url');

export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export const displayPrefix = (key: string): string => key.slice(0, API_KEY_PREFIX.length + 6);
