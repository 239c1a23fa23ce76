/**
 * Playwright journeys of the web workspace (e2e/). The global setup starts Opora itself on a fresh
 * database (embedded PostgreSQL in a temporary folder, or a new database on E2E_DATABASE_URL) and
 * serves the already built dist/web: run `npx vite build` first (the test script does).
 * The browser is Debian's Chromium at /usr/bin/chromium; without it the journeys are skipped,
 * unless CI or OPORA_REQUIRE_BROWSER is set, when the run fails.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, E2E_BASE_URL } from './e2e/environment.ts';

const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  reporter: ci ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : [['list']],
  use: {
    baseURL: E2E_BASE_URL,
    browserName: 'chromium',
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
});
