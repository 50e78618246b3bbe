import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    // Hooks launch Chromium or build sites: on a busy machine that takes what it takes. Ten minutes
    // only stops a hung run; vitest's 10 s default failed suites under load.
    hookTimeout: 600_000,
    // One line per test file as it finishes, on a terminal and in CI logs alike (vitest would pick a
    // reporter that is silent until the end when it thinks an agent is watching), so a long run
    // never looks hung.
    reporters: ['default'],
  },
});
