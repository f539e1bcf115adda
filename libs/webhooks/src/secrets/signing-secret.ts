import { createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';

/** A Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64. */
export const newSigningSecret = (): string => `${PREFIX}${randomBytes(32).toString('base64')}`;

/** The HMAC key of a secret: its bytes after `whsec_`. */
export const signingKeyOf = (secret: string): Buffer =>
  Buffer.from(secret.slice(PREFIX.length), 'base64');

/**
 * `v1,<base64 HMAC-SHA256>` of `id.timestamp.body` under the secret's bytes, as Standard
 * Webhooks receivers (the `standardwebhooks` libraries, Svix) verify it.
 */
export function signatureWith(key: Buffer, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

export const signatureOf = (secret: string, id: string, timestamp: number, body: string): string =>
  signatureWith(signingKeyOf(secret), id, timestamp, body);
