import { WebhookDeliveryEntity } from './deliveries/webhook-delivery.entity';
import { WebhookFanOutEntity } from './dispatch/webhook-fan-out.entity';
import { WebhookEndpointEntity } from './endpoints/webhook-endpoint.entity';

export const WEBHOOK_ENTITIES = [WebhookEndpointEntity, WebhookDeliveryEntity, WebhookFanOutEntity];
