export * from './webhooks.entities';
export * from './webhooks.module';
