import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    // One line per test file as it finishes, on a terminal and in CI logs alike (vitest would pick a
    // reporter that is silent until the end when it thinks an agent is watching), so a long run
    // never looks hung.
    reporters: ['default'],
  },
});
