import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './src/browser/chromium.ts';

// DRIFTSBOK_E2E_PORT lets two checkouts run their end-to-end tests side by side.
const PORT = Number(process.env.DRIFTSBOK_E2E_PORT ?? 4322);

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  // Generous deadlines: the machine is often busy (a test that waits on a slow Chromium is not a
  // failing one); a hung test still fails.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: {
    // Through npm so that the Node 24 from devDependencies serves the site.
    command: `npm run preview -- --host 127.0.0.1 --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
