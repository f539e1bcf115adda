import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock, VafaConfig } from '@vafa/platform';
import { toEventEnvelope } from '../events/event-envelope';
import { SecretCipher } from '../secrets/secret-cipher';
import { signatureOf } from '../secrets/signing-secret';
import { ClaimedDelivery, DeliveryClaims } from './delivery-claims';
import { WebhookFanOut } from './webhook-fan-out';
import { WebhookMetrics } from './webhook-metrics';
import { SendResult, WebhookSender } from './webhook-sender';

const FAN_OUT_BATCH = 500;
const MAX_IN_FLIGHT = 32;

/**
 * Delivers webhooks from this process (API or worker; off with VAFA_WEBHOOKS=off). Every few
 * hundred ms it fans new events out into deliveries and leases due deliveries, posting up to 32
 * at once; any number of processes may run it against one database.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly sender: WebhookSender;
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly config: VafaConfig,
    private readonly clock: Clock,
    private readonly fanOut: WebhookFanOut,
    private readonly claims: DeliveryClaims,
    private readonly cipher: SecretCipher,
    private readonly metrics: WebhookMetrics,
  ) {
    this.sender = new WebhookSender(config.webhookAllowedHosts);
  }

  onApplicationBootstrap(): void {
    if (this.config.webhooks === 'off') return;
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
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.ticking = this.tick().then((busy) => {
        this.ticking = undefined;
        this.schedule(busy ? 0 : this.config.webhookPollMs);
      });
    }, delayMs);
  }

  /** A delivery finished and made room: look for more now rather than at the next poll. */
  private wake(): void {
    if (this.timer !== undefined && this.ticking === undefined) this.schedule(0);
  }

  /** One round; true when there may be more to do at once. */
  private async tick(): Promise<boolean> {
    try {
      const fanned = await this.fanOut.run(FAN_OUT_BATCH);
      const room = MAX_IN_FLIGHT - this.inFlight.size;
      const claimed = room > 0 ? await this.claims.claim(room) : [];
      for (const claim of claimed) {
        const delivery = this.deliver(claim).finally(() => {
          this.inFlight.delete(delivery);
          this.wake();
        });
        this.inFlight.add(delivery);
      }
      return fanned.events === FAN_OUT_BATCH || (claimed.length > 0 && claimed.length === room);
    } catch (error) {
      this.logger.warn({ err: error }, 'webhook dispatch round failed; trying again shortly');
      return false;
    }
  }

  private async deliver(claim: ClaimedDelivery): Promise<void> {
    try {
      const result = await this.send(claim);
      const outcome = await this.claims.complete(claim, result);
      this.metrics.count(outcome);
    } catch (error) {
      // The lease runs out and another round (here or elsewhere) attempts it again.
      this.logger.warn({ err: error, deliveryId: claim.id }, 'webhook delivery not recorded');
    }
  }

  private send(claim: ClaimedDelivery): Promise<SendResult> {
    const body = JSON.stringify(toEventEnvelope(claim.event));
    const timestamp = Math.floor(Date.now() / 1000);
    let signatures: string[];
    try {
      signatures = this.secretsOf(claim).map((secret) =>
        signatureOf(secret, claim.event.id, timestamp, body),
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

  /** The current secret, and the one before a rotation while it still signs (by the Clock). */
  private secretsOf(claim: ClaimedDelivery): string[] {
    const secrets = [this.cipher.decrypt(claim.secretCiphertext, claim.endpointId)];
    const previousValid =
      claim.previousSecretCiphertext !== null &&
      claim.previousSecretExpiresAt !== null &&
      claim.previousSecretExpiresAt.getTime() > this.clock.now().getTime();
    if (previousValid && claim.previousSecretCiphertext !== null) {
      secrets.push(this.cipher.decrypt(claim.previousSecretCiphertext, claim.endpointId));
    }
    return secrets;
  }
}
