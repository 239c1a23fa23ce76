/** Settings shared by the Playwright config, the global setup and the journeys. */
import fs from 'node:fs';

/** Debian's Chromium; E2E_CHROMIUM_PATH overrides it (e.g. to check the missing-browser path). */
export const CHROMIUM_PATH = process.env.E2E_CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;

export const browserAvailable = (): boolean => fs.existsSync(CHROMIUM_PATH);
/** CI (or an explicit request) turns a missing browser from a skip into a failure. */
export const browserRequired = (): boolean => Boolean(process.env.CI || process.env.OPORA_REQUIRE_BROWSER);
export const MISSING_BROWSER = `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium): e2e journeys skipped.`;
