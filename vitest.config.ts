import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['apps/*/src/**/*.test.{ts,tsx}', 'apps/*/test/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Polled expectations wait for behaviour, not for speed: generous on a loaded 2-core machine.
    expect: { poll: { timeout: 15_000 } },
    // PGlite takes ~400 MB per instance; two files at a time fit any machine this runs on.
    maxWorkers: 2,
  },
});
