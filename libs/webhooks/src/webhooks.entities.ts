import {
  WebhookDeliveryAttemptEntity,
  WebhookDeliveryEntity,
} from './deliveries/webhook-delivery.entity';
import { WebhookEndpointEntity } from './endpoints/webhook-endpoint.entity';

export const WEBHOOK_ENTITIES = [
  WebhookEndpointEntity,
  WebhookDeliveryEntity,
  WebhookDeliveryAttemptEntity,
];
