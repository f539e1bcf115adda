import { Injectable } from '@nestjs/common';
import { SecretCipher } from './secret-cipher.provider';
import { signingKeyOf } from './signing-secret';

const MAX_CACHED = 1000;

/**
 * The HMAC keys of stored secrets, decrypted once per process and kept in memory while they are
 * in use (the dispatcher signs every delivery with them). Keyed by endpoint and ciphertext, so
 * a rotation (a new ciphertext) is picked up at once.
 */
@Injectable()
export class SigningKeys {
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly cipher: SecretCipher) {}

  keyOf(ciphertext: string, endpointId: string): Buffer {
    const cacheKey = `${endpointId}:${ciphertext}`;
    let key = this.keys.get(cacheKey);
    if (!key) {
      if (this.keys.size >= MAX_CACHED) {
        this.keys.clear();
      }
      key = signingKeyOf(this.cipher.decrypt(ciphertext, endpointId));
      this.keys.set(cacheKey, key);
    }
    return key;
  }
}
