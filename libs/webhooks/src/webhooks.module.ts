import { Module } from '@nestjs/common';
import { VafaConfig } from '@vafa/platform';
import { WebhookDeliveriesController } from './deliveries/webhook-deliveries.controller';
import { WebhookDeliveriesService } from './deliveries/webhook-deliveries.service';
import { DeliveryClaims } from './dispatch/delivery-claims';
import { WebhookDispatcher } from './dispatch/webhook-dispatcher';
import { WebhookFanOut } from './dispatch/webhook-fan-out';
import { WebhookMetrics } from './dispatch/webhook-metrics';
import { WebhookEndpointsController } from './endpoints/webhook-endpoints.controller';
import { WebhookEndpointsService } from './endpoints/webhook-endpoints.service';
import { EventRetentionJob } from './events/event-retention.job';
import { EventsController } from './events/events.controller';
import { EventsQuery } from './events/events.query';
import { WebhooksScheduler } from './events/webhooks-scheduler';
import { SecretCipher } from './secrets/secret-cipher';
import { SigningKeys } from './secrets/signing-keys';
import { loadWebhookSecretKey, WEBHOOK_SECRET_KEY } from './secrets/webhook-secret-key';

/** GET /v1/events, webhook endpoints and their deliveries, and the dispatcher that sends them. */
@Module({
  controllers: [EventsController, WebhookEndpointsController, WebhookDeliveriesController],
  providers: [
    { provide: WEBHOOK_SECRET_KEY, useFactory: loadWebhookSecretKey, inject: [VafaConfig] },
    SecretCipher,
    SigningKeys,
    EventsQuery,
    EventRetentionJob,
    WebhooksScheduler,
    WebhookEndpointsService,
    WebhookDeliveriesService,
    WebhookFanOut,
    DeliveryClaims,
    WebhookMetrics,
    WebhookDispatcher,
  ],
})
export class WebhooksModule {}
