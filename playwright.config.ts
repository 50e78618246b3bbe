import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './src/browser/chromium.ts';
import { readSettings } from './src/settings.ts';

const settings = readSettings();
// DRIFTSBOK_E2E_PORT lets two checkouts run their end-to-end tests side by side.
const PORT = settings.DRIFTSBOK_E2E_PORT;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  // Generous deadlines: a test fails for what it finds, not because a 2-core CI machine is busy (a
  // batch of entity pages took over 30 s there). A hang still ends.
  timeout: 300_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    // The offline app's service worker would fetch the whole site in the background of every test;
    // tests/site/offline.test.ts tests it on builds of its own.
    serviceWorkers: 'block',
  },
  webServer: {
    // Through npm so that the Node 24 from devDependencies serves the site.
    command: `npm run preview -- --host 127.0.0.1 --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !settings.CI,
    timeout: 300_000,
  },
});
