import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigInput } from '../src/config.js';
import type { JobWork } from '../src/platform/jobs/job-scheduler.js';
import type { KontorModule } from '../src/platform/platform.js';
import { createTestDatabase, describeEachStore, postgresAvailable } from './stores.js';
import { startTestNode, type TestNode } from './test-node.js';

/** A module that registers one job, the way real modules do in `init`. */
const moduleWithJob = (name: string, intervalMs: number, work: JobWork): KontorModule => ({
  name: `jobs-test-${name}`,
  init: (platform) => platform.jobs.every(name, intervalMs, work),
});

describeEachStore('scheduled jobs', (store) => {
  const opened: Array<{ node: TestNode; release: () => Promise<void> }> = [];
  const open = async (settings: Partial<ConfigInput>, options: Parameters<typeof startTestNode>[2]) => {
    const created = await store.create();
    const node = await startTestNode(created.location, settings, options);
    opened.push({ node, release: created.release });
    return node;
  };
  afterEach(async () => {
    for (const { node, release } of opened.splice(0)) {
      await node.close();
      await release();
    }
  });

  it('runs on a hub node, not on a client node until it becomes the hub', async () => {
    const runs = { hub: 0, client: 0 };
    await open({ demo: false }, { extraModules: [moduleWithJob('tick', 50, async () => void runs.hub++)] });
    const client = await open(
      { role: 'client' },
      { signIn: false, extraModules: [moduleWithJob('tick', 50, async () => void runs.client++)] },
    );
    // Three ticks of the hub's job after the client started: the client's job had its chances too.
    const hubRunsBefore = runs.hub;
    await expect.poll(() => runs.hub).toBeGreaterThanOrEqual(hubRunsBefore + 3);
    expect(runs.client).toBe(0);
    expect(await client.platform.jobs.runNow('tick')).toBe('client-node');
    expect(runs.client).toBe(0);

    client.platform.node.role = 'server'; // what a promotion does
    await expect.poll(() => runs.client).toBeGreaterThanOrEqual(1);
  });

  it('logs a failing job and runs it again at its next tick', async () => {
    const lines: Array<{ level: number; job?: string; msg: string; err?: { message: string } }> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    let runs = 0;
    await open(
      { demo: false },
      {
        logger,
        extraModules: [
          moduleWithJob('flaky', 50, async () => {
            runs += 1;
            if (runs === 1) throw new Error('the first run fails');
          }),
        ],
      },
    );
    await expect.poll(() => runs).toBeGreaterThanOrEqual(3);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 50,
        job: 'flaky',
        msg: 'job failed; it runs again at its next tick',
        err: expect.objectContaining({ message: 'the first run fails' }),
      }),
    );
  });

  it('commits what a job writes in its transaction, and keeps nothing of a run that fails', async () => {
    let runs = 0;
    let fail = false;
    const node = await open(
      { demo: false },
      {
        extraModules: [
          {
            name: 'jobs-test-write',
            init: (platform) =>
              platform.jobs.every('write', 3_600_000, async ({ db }) => {
                runs += 1;
                await platform.mail.enqueue(db, { to: 'ops@example.org', subject: `Run ${runs}`, text: 'report' });
                if (fail) throw new Error('after writing');
              }),
          },
        ],
      },
    );
    const subjects = async () =>
      (await node.platform.db.selectFrom('platform.mail_queue').select('subject').orderBy('id').execute()).map(
        (row) => row.subject,
      );
    expect(await node.platform.jobs.runNow('write')).toBe('ran');
    expect(await subjects()).toEqual(['Run 1']);
    fail = true;
    await expect(node.platform.jobs.runNow('write')).rejects.toThrow('after writing');
    expect(await subjects()).toEqual(['Run 1']);
  });

  it('does not start a second run of a job while one is under way on the same node', async () => {
    let active = 0;
    let most = 0;
    let finish = () => {};
    const gate = new Promise<void>((resolve) => {
      finish = resolve;
    });
    let started = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const node = await open(
      { demo: false },
      {
        extraModules: [
          moduleWithJob('slow', 3_600_000, async () => {
            active += 1;
            most = Math.max(most, active);
            started();
            await gate;
            active -= 1;
          }),
        ],
      },
    );
    const first = node.platform.jobs.runNow('slow');
    await running;
    expect(await node.platform.jobs.runNow('slow')).toBe('busy');
    finish();
    expect(await first).toBe('ran');
    expect(most).toBe(1);
  });
});

describe.skipIf(!postgresAvailable)('scheduled jobs on two hub instances sharing PostgreSQL', () => {
  let first: TestNode;
  let second: TestNode;
  let drop: () => Promise<void>;
  let active = 0;
  let most = 0;
  let runs = 0;
  let openGate = () => {};
  let gate = Promise.resolve();
  let started = () => {};
  let running = Promise.resolve();

  // One module value on both instances, as when the same program runs twice.
  const exclusive = moduleWithJob('exclusive', 3_600_000, async () => {
    active += 1;
    runs += 1;
    most = Math.max(most, active);
    started();
    await gate;
    active -= 1;
  });

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const store = { kind: 'postgres', url: database.url } as const;
    first = await startTestNode(store, { demo: false }, { extraModules: [exclusive] });
    second = await startTestNode(store, { demo: false }, { extraModules: [exclusive] });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await drop?.();
  });

  it('runs a job on one instance at a time', async () => {
    gate = new Promise((resolve) => {
      openGate = resolve;
    });
    running = new Promise((resolve) => {
      started = resolve;
    });
    const onFirst = first.platform.jobs.runNow('exclusive');
    await running;
    // The first instance holds the job's advisory lock until its transaction ends.
    const [onSecond, onFirstAgain] = await Promise.all([
      second.platform.jobs.runNow('exclusive'),
      first.platform.jobs.runNow('exclusive'),
    ]);
    expect(onSecond).toBe('busy');
    expect(onFirstAgain).toBe('busy');
    openGate();
    expect(await onFirst).toBe('ran');
    expect({ runs, most }).toEqual({ runs: 1, most: 1 });

    // Once it is free, the other instance may run it.
    expect(await second.platform.jobs.runNow('exclusive')).toBe('ran');
    expect(most).toBe(1);
  });
});
