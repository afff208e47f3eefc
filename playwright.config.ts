import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS } from './tests/e2e/chromium.ts';

const port = Number(process.env.E2E_PORT ?? 4391);
// Debian's Chromium (or CHROME_PATH); Playwright's own browser download is not reachable on every machine.
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  // axe over a page that holds a whole scenario takes 10–20 s on a busy two-core machine; journeys that
  // check several states must not fail on time alone.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: [
    {
      command: `npx astro preview --host 127.0.0.1 --port ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The same build served from a sub-folder by a plain file server (hosting test).
      command: `node tests/e2e/static-server.ts ${port + 1} /fire/training/customer-service/`,
      url: `http://127.0.0.1:${port + 1}/fire/training/customer-service/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
