import { Module } from '@nestjs/common';
import { VafaConfig } from '@vafa/platform';
import { WebhookDeliveriesController } from './deliveries/webhook-deliveries.controller';
import { WebhookDeliveriesQuery } from './deliveries/webhook-deliveries.query';
import { DeliveryClaims } from './dispatch/delivery-claims.usecase';
import { WebhookDispatchJob } from './dispatch/webhook-dispatch.job';
import { WebhookFanOut } from './dispatch/webhook-fan-out.usecase';
import { WebhookMetrics } from './dispatch/webhook-metrics.query';
import { WebhookEndpointsController } from './endpoints/webhook-endpoints.controller';
import { WebhookEndpointsRepository } from './endpoints/webhook-endpoints.repository';
import { EventRetentionJob } from './events/event-retention.job';
import { EventsController } from './events/events.controller';
import { EventsQuery } from './events/events.query';
import { WebhooksScheduleJob } from './events/webhooks-schedule.job';
import { SecretCipher } from './secrets/secret-cipher.provider';
import { SigningKeys } from './secrets/signing-keys.query';
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
    WebhooksScheduleJob,
    WebhookEndpointsRepository,
    WebhookDeliveriesQuery,
    WebhookFanOut,
    DeliveryClaims,
    WebhookMetrics,
    WebhookDispatchJob,
  ],
})
export class WebhooksModule {}
