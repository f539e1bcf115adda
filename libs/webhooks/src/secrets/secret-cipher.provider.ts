import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { WEBHOOK_SECRET_KEY } from './webhook-secret-key';

const VERSION = 'v1';

/**
 * AES-256-GCM for signing secrets at rest. The endpoint's id is authenticated with each secret,
 * so a ciphertext copied onto another endpoint's row does not decrypt.
 */
@Injectable()
export class SecretCipher {
  constructor(@Inject(WEBHOOK_SECRET_KEY) private readonly key: Buffer) {}

  encrypt(plain: string, endpointId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(endpointId));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(stored: string, endpointId: string): string {
    const [version, payload = ''] = stored.split(':', 2);
    if (version !== VERSION) {
      throw new Error('unknown signing secret format');
    }
    const bytes = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(endpointId));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  }
}
