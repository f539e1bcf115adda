/** 128 random bits as hex; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * One Idempotency-Key per fill of a form: the same key while the body stays the same (a retry
 * after a network failure, a double click), a new one once the body changes (the API answers
 * 409 IDEMPOTENCY_KEY_REUSED to a key sent with a different body) or after a success.
 */
export class IdempotencyKeys {
  private current: { key: string; body: string } | null = null;

  constructor(private readonly newKey: () => string = randomKey) {}

  keyFor(body: unknown): string {
    const json = JSON.stringify(body);
    if (this.current?.body !== json) {
      this.current = { key: this.newKey(), body: json };
    }
    return this.current.key;
  }

  /** The form was sent and accepted: its next fill is another request. */
  reset(): void {
    this.current = null;
  }
}
