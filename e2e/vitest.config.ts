import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Polled expectations wait for behaviour, not for speed: generous on a loaded 2-core machine.
    expect: { poll: { timeout: 15_000 } },
    // One browser and one node at a time: a 2-core machine runs them at a humane pace.
    fileParallelism: false,
  },
});
