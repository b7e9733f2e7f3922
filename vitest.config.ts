import { defineConfig } from 'vitest/config';

// Unit tests of the pure core run in Node: that proves the core needs no DOM.
// Playwright specs live in e2e/ and are kept out of Vitest.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
  },
});
