import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock, VafaConfig } from '@vafa/platform';
import { toEventEnvelope } from '../events/event-envelope';
import { SigningKeys } from '../secrets/signing-keys.query';
import { signatureWith } from '../secrets/signing-secret';
import { ClaimedDelivery, CompletedAttempt } from './claimed-delivery';
import { DeliveryClaims } from './delivery-claims.usecase';
import { WebhookFanOut } from './webhook-fan-out.usecase';
import { WebhookMetrics } from './webhook-metrics.query';
import { SendResult, WebhookSender } from './webhook-sender';

const FAN_OUT_BATCH = 500;
const MAX_IN_FLIGHT = 64;
const RECORD_BATCH = 200;

/**
 * Delivers webhooks from this process (API or worker; off with VAFA_WEBHOOKS=off). Every few
 * hundred ms it fans new events out into deliveries and leases due deliveries, posting up to 64
 * at once; any number of processes may run it against one database.
 */
@Injectable()
export class WebhookDispatchJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookDispatchJob.name);
  private readonly sender: WebhookSender;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly recorded: CompletedAttempt[] = [];
  private flushing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** The last round left due deliveries behind for want of room. */
  private backlog = false;
  private ticking: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly config: VafaConfig,
    private readonly clock: Clock,
    private readonly fanOut: WebhookFanOut,
    private readonly claims: DeliveryClaims,
    private readonly keys: SigningKeys,
    private readonly metrics: WebhookMetrics,
  ) {
    this.sender = new WebhookSender(config.webhookAllowedHosts);
  }

  onApplicationBootstrap(): void {
    if (this.config.webhooks === 'off') {
      return;
    }
    this.stopped = false;
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking;
    await Promise.all(this.inFlight);
    this.sender.close();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) {
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.ticking = this.tick().then((busy) => {
        this.ticking = undefined;
        this.schedule(busy ? 0 : this.config.webhookPollMs);
      });
    }, delayMs);
  }

  /**
   * Deliveries finished and made room: when the last round left work behind, look again now
   * rather than at the next poll (once half the room is free, so claims go in batches).
   */
  private wake(): void {
    if (!this.backlog || this.room() < MAX_IN_FLIGHT / 2) {
      return;
    }
    if (this.timer !== undefined && this.ticking === undefined) {
      this.schedule(0);
    }
  }

  /** One round; true when there may be more new events to fan out at once. */
  private async tick(): Promise<boolean> {
    let fannedOut = 0;
    try {
      const fanned = await this.fanOut.run(FAN_OUT_BATCH, this.room());
      fannedOut = fanned.events;
      this.start(fanned.claimed);
    } catch (error) {
      this.logger.warn({ err: error }, 'webhook fan-out failed; trying again shortly');
    }
    try {
      const room = this.room();
      const claimed = room > 0 ? await this.claims.claim(room) : [];
      this.start(claimed);
      this.backlog = fannedOut === FAN_OUT_BATCH || claimed.length === room;
      return fannedOut === FAN_OUT_BATCH;
    } catch (error) {
      this.logger.warn({ err: error }, 'webhook claim failed; trying again shortly');
      return false;
    }
  }

  private room(): number {
    return Math.max(0, MAX_IN_FLIGHT - this.inFlight.size);
  }

  private start(claims: ClaimedDelivery[]): void {
    for (const claim of claims) {
      const delivery = this.deliver(claim).finally(() => {
        this.inFlight.delete(delivery);
        this.wake();
      });
      this.inFlight.add(delivery);
    }
  }

  private async deliver(claim: ClaimedDelivery): Promise<void> {
    const at = new Date();
    let result: SendResult;
    try {
      result = await this.send(claim);
    } catch (error) {
      // Not attempted: the lease runs out and another round attempts it again.
      this.logger.warn({ err: error, deliveryId: claim.id }, 'webhook delivery not attempted');
      return;
    }
    this.recorded.push({ claim, at, result });
    this.flushing ??= this.flush();
    await this.flushing;
  }

  /**
   * Records finished attempts, many per transaction: those that finish while one batch is being
   * written go together in the next (a group commit).
   */
  private async flush(): Promise<void> {
    // Let the attempts finishing in this same turn of the event loop join the batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.recorded.length > 0) {
      const batch = this.recorded.splice(0, RECORD_BATCH);
      try {
        const outcomes = await this.claims.completeMany(batch);
        for (const outcome of outcomes) {
          this.metrics.count(outcome);
        }
      } catch (error) {
        // Their leases run out and another round (here or elsewhere) attempts them again.
        this.logger.warn({ err: error, deliveries: batch.length }, 'webhook attempts not recorded');
      }
    }
    this.flushing = undefined;
  }

  private send(claim: ClaimedDelivery): Promise<SendResult> {
    const body = JSON.stringify(toEventEnvelope(claim.event));
    const timestamp = Math.floor(Date.now() / 1000);
    let signatures: string[];
    try {
      signatures = this.keysOf(claim).map((key) =>
        signatureWith(key, claim.event.id, timestamp, body),
      );
    } catch {
      return Promise.resolve({
        statusCode: null,
        durationMs: 0,
        error: 'The signing secret cannot be decrypted: was VAFA_WEBHOOK_SECRET_KEY changed?',
        responseExcerpt: null,
        retryAfterMs: null,
      });
    }
    return this.sender.post(
      claim.url,
      {
        'content-type': 'application/json',
        'user-agent': 'Vafa-Webhooks/1',
        'webhook-id': claim.event.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signatures.join(' '),
      },
      body,
    );
  }

  /** The current secret's key, and the one before a rotation while it still signs (by the Clock). */
  private keysOf(claim: ClaimedDelivery): Buffer[] {
    const keys = [this.keys.keyOf(claim.secretCiphertext, claim.endpointId)];
    const previousValid =
      claim.previousSecretCiphertext !== null &&
      claim.previousSecretExpiresAt !== null &&
      claim.previousSecretExpiresAt.getTime() > this.clock.now().getTime();
    if (previousValid && claim.previousSecretCiphertext !== null) {
      keys.push(this.keys.keyOf(claim.previousSecretCiphertext, claim.endpointId));
    }
    return keys;
  }
}
