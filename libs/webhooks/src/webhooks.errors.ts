import { DomainError, notFound } from '@vafa/platform';

export const WEBHOOKS_ERROR_CODES = [
  'WEBHOOK_ENDPOINT_NOT_FOUND',
  'WEBHOOK_DELIVERY_NOT_FOUND',
  'WEBHOOK_URL_NOT_ALLOWED',
  'WEBHOOK_ENDPOINT_DISABLED',
] as const;

export type WebhooksErrorCode = (typeof WEBHOOKS_ERROR_CODES)[number];
type WebhooksError = DomainError<WebhooksErrorCode>;

export const webhookEndpointNotFound = (): WebhooksError =>
  notFound('The webhook endpoint', 'WEBHOOK_ENDPOINT_NOT_FOUND');

export const webhookDeliveryNotFound = (): WebhooksError =>
  notFound('The webhook delivery', 'WEBHOOK_DELIVERY_NOT_FOUND');

export const webhookUrlNotAllowed = (message: string): WebhooksError =>
  new DomainError(400, 'WEBHOOK_URL_NOT_ALLOWED', message);

export const webhookEndpointDisabled = (): WebhooksError =>
  new DomainError(
    409,
    'WEBHOOK_ENDPOINT_DISABLED',
    'The webhook endpoint is disabled: enable it (PATCH enabled: true) first.',
  );
