import { defineConfig } from 'vitest/config';

// Unit tests run in Node: the engine and authoring code need no browser.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
