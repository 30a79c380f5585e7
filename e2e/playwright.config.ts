import { defineConfig, devices } from '@playwright/test';
import path from 'node:path';

// Playwright resolves a relative PLAYWRIGHT_JSON_OUTPUT_NAME against this file's folder (e2e/);
// CI means the working directory (test-results/e2e.json at the repository root).
for (const name of ['PLAYWRIGHT_JSON_OUTPUT_NAME', 'PLAYWRIGHT_JUNIT_OUTPUT_NAME']) {
  const value = process.env[name];
  if (value && !path.isAbsolute(value)) process.env[name] = path.resolve(value);
}

// `npm run test:e2e` (scripts/e2e.mjs) builds the web app, then runs these specs in Debian's
// Chromium against a real `levier serve` started by global-setup.ts. The reporter comes from
// the command line (`--reporter=list,json` in CI).
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  outputDir: '../test-results/e2e',
  fullyParallel: false,
  workers: 2,
  // A flaky test must be fixed, not retried.
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
