export * from './app.module';
export * from './create-app';
export * from './database-schema';
export * from './role-matrix';
export * from './role-table';
export * from './distribution';
