const shared = require('./jest.shared');

/** The real app over HTTP (supertest) on a throwaway embedded PostgreSQL started once. */
module.exports = {
  ...shared,
  displayName: 'e2e',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
