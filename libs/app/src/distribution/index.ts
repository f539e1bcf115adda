export * from './distribute-database';
export * from './distribution-plan';
export * from './distribution-blockers';
