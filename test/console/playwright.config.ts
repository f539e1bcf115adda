import { defineConfig } from '@playwright/test';
import { join } from 'node:path';

export const ARTIFACTS = join(__dirname, '../../test-artifacts/console');

/**
 * Browser tests of the console against the built server (`npm run test:browser` builds it) on a
 * throwaway embedded database, driving Debian's Chromium: browsers are not downloaded here.
 */
export default defineConfig({
  testDir: __dirname,
  testMatch: '*.spec.ts',
  globalSetup: join(__dirname, 'global-setup.ts'),
  outputDir: join(ARTIFACTS, 'results'),
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    // Set by the global setup, which starts the server; workers read this config after it.
    baseURL: process.env.VAFA_CONSOLE_TEST_URL,
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: process.env.VAFA_CHROMIUM ?? '/usr/bin/chromium' },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
});
