const e2e = require('../../jest.e2e.config');

/**
 * The e2e suites against one Citus database (bench/citus/run.ts sets VAFA_TEST_CITUS_URL and
 * VAFA_TEST_CITUS_SEED): no embedded PostgreSQL, one file at a time, each starting from the
 * state right after "db distribute" (test/support/citus-database.ts).
 */
module.exports = {
  ...e2e,
  rootDir: '../..',
  globalSetup: undefined,
  globalTeardown: undefined,
  maxWorkers: 1,
};
