import { DomainError, notFound } from '@vafa/platform';

export const webhookEndpointNotFound = (): DomainError =>
  notFound('The webhook endpoint', 'WEBHOOK_ENDPOINT_NOT_FOUND');

export const webhookDeliveryNotFound = (): DomainError =>
  notFound('The webhook delivery', 'WEBHOOK_DELIVERY_NOT_FOUND');

export const webhookUrlNotAllowed = (message: string): DomainError =>
  new DomainError(400, 'WEBHOOK_URL_NOT_ALLOWED', message);

export const webhookEndpointDisabled = (): DomainError =>
  new DomainError(
    409,
    'WEBHOOK_ENDPOINT_DISABLED',
    'The webhook endpoint is disabled: enable it (PATCH enabled: true) first.',
  );
