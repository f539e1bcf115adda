export * from './points.module';
export * from './rules';
