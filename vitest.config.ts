import { defineConfig } from 'vitest/config';

// Unit tests run in Node: the engine and authoring code need no browser.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // A few tests start the real CLI or a build in a child process. On a busy two-core machine (CI next to
    // another build) that takes far longer than Vitest's 5 s default; a slow machine must not fail the suite.
    testTimeout: 60_000,
  },
});
