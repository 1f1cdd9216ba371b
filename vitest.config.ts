import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    // tmp/ is scratch space (gitignored): copies of tests there must never run as tests.
    exclude: ['node_modules/**', 'dist/**', '.lodestone/**', 'tmp/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
