const shared = require('./jest.shared');

/** Fast tests of pure logic: no database. */
module.exports = {
  ...shared,
  displayName: 'unit',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test/architecture'],
  testMatch: ['**/*.spec.ts'],
};
