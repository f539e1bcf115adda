import { IdempotencyKeys, randomKey } from '../members/member/idempotency-key';

/**
 * Sends a money-moving request once however often it is asked to: a press while one is on its
 * way gets that one's answer (a double tap), a retry of the same body after a failure reuses the
 * Idempotency-Key made on the first press (the API answers it once), and a changed body or the
 * next request after a success gets a new key.
 */
export class KeyedSender<Body, Result> {
  private readonly keys: IdempotencyKeys;
  private inFlight: Promise<Result> | null = null;

  constructor(
    private readonly send: (body: Body, idempotencyKey: string) => Promise<Result>,
    newKey: () => string = randomKey,
  ) {
    this.keys = new IdempotencyKeys(newKey);
  }

  submit(body: Body): Promise<Result> {
    if (this.inFlight !== null) {
      return this.inFlight;
    }
    const sending = this.send(body, this.keys.keyFor(body)).then(
      (result) => {
        this.inFlight = null;
        this.keys.reset();
        return result;
      },
      (error: unknown) => {
        this.inFlight = null;
        throw error;
      },
    );
    this.inFlight = sending;
    return sending;
  }

  /** The basket was changed or cleared: whatever is sent next is another request. */
  forget(): void {
    this.keys.reset();
  }
}
