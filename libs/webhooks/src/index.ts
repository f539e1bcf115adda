export * from './events/webhook-events.dto';
export * from './webhooks-entities';
export { WEBHOOKS_ERROR_CODES } from './webhooks.errors';
export type { WebhooksErrorCode } from './webhooks.errors';
export * from './webhooks.module';
