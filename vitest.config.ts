import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest (real `kontor` processes, the replication simulation, then the longest others) run
 * first. Without results of an earlier run (CI's fresh clone) Vitest starts the largest files first, and these are
 * small: they would end the run with one worker busy and the other idle for a minute or more.
 */
const LONGEST_FIRST = [
  'apps/server/test/sync-processes.test.ts',
  'apps/server/test/sync-simulation.test.ts',
  'apps/server/test/sync-promotion.test.ts',
  'apps/server/test/cli.test.ts',
  'apps/server/test/cli-bundle.test.ts',
  'apps/server/test/scale-out.test.ts',
  'apps/server/test/visitors-scale-out.test.ts',
  'apps/server/src/platform/delivery/leased-queue.test.ts',
  'apps/server/test/directory-import.test.ts',
  'apps/server/test/mail.test.ts',
  'apps/server/test/jobs.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = LONGEST_FIRST.findIndex((path) => spec.moduleId.endsWith(path));
      return index === -1 ? LONGEST_FIRST.length : index;
    };
    return sorted
      .map((spec, index) => ({ spec, index }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.index - b.index)
      .map(({ spec }) => spec);
  }
}

export default defineConfig({
  test: {
    include: ['apps/*/src/**/*.test.{ts,tsx}', 'apps/*/test/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Polled expectations wait for behaviour, not for speed: generous on a loaded 2-core machine.
    expect: { poll: { timeout: 15_000 } },
    // PGlite takes ~400 MB per instance; two files at a time fit any machine this runs on.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
  },
});
