import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type SimCluster, startCluster } from './simulation/cluster.js';
import { CONTESTED_REGRESSIONS, LAWFUL_REGRESSIONS } from './simulation/regressions.js';
import { type Schedule, schedules } from './simulation/schedule.js';
import { simulate } from './simulation/simulate.js';
import { CONTESTED, LAWFUL, type WriteMix } from './simulation/workload.js';

/**
 * Deterministic simulation of replication (docs/sync.md, "Simulation"): real nodes, a network each schedule
 * perturbs, then healing; afterwards all nodes must agree and no write may be lost. KONTOR_SIM_RUNS sets how many
 * schedules each property runs; KONTOR_SIM_SEED and KONTOR_SIM_PATH replay a failure, as its message says.
 */
const CLIENTS = 2;
/** Per property, so 2,000 schedules a run; one takes about 55 ms on a 2-core machine, the file about 2 minutes. */
const DEFAULT_RUNS = 1000;
const TEST_FILE = 'apps/server/test/sync-simulation.test.ts';
const settings = {
  numRuns: Number(process.env.KONTOR_SIM_RUNS ?? DEFAULT_RUNS),
  seed: process.env.KONTOR_SIM_SEED === undefined ? undefined : Number(process.env.KONTOR_SIM_SEED),
  path: process.env.KONTOR_SIM_PATH,
};

describe('replication under adversarial schedules', () => {
  let cluster: SimCluster;

  beforeAll(async () => {
    cluster = await startCluster(CLIENTS);
  });
  afterAll(() => cluster?.close());

  const converges = (title: string, mix: WriteMix, regressions: Schedule[] = []) =>
    it(title, async () => {
      const property = fc.asyncProperty(schedules(mix, CLIENTS + 1), async (schedule) => {
        const broken = await simulate(cluster, schedule);
        if (broken.length > 0) throw new Error(broken.join('\n'));
      });
      const details = await fc.check(property, { ...settings, examples: regressions.map((schedule) => [schedule]) });
      if (details.failed) throw new Error(failureReport(title, details));
    }, 3_600_000);

  converges(
    'converges after healing, with every lawful write on every node and no change applied twice',
    LAWFUL,
    LAWFUL_REGRESSIONS,
  );
  converges(
    'converges after healing when the hub refuses writes, with the refusal recorded on every node',
    CONTESTED,
    CONTESTED_REGRESSIONS,
  );
});

function failureReport(title: string, details: fc.RunDetails<[Schedule]>): string {
  const replay = `KONTOR_SIM_SEED=${details.seed} KONTOR_SIM_PATH=${details.counterexamplePath} npx vitest run ${TEST_FILE} -t '${title}'`;
  const broken = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return `Seed ${details.seed} fails; replay it with\n  ${replay}\n\n${broken}\n\n${fc.defaultReportMessage(details)}`;
}
