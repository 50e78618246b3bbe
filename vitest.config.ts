import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    // Hooks launch Chromium and build sites: on a busy machine that takes far longer than vitest's
    // 10 s default (a launch in beforeAll failed under load). A hung hook still fails, later.
    hookTimeout: 300_000,
  },
});
