export * from './events/webhook.events';
export * from './webhooks.entities';
export * from './webhooks.module';
