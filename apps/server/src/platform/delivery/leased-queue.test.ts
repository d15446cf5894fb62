import { sql } from 'kysely';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachStore } from '../../../test/stores.js';
import { type Database, openDatabase } from '../db/database.js';
import { DeliveryFailure, LeasedQueue, type LeasedQueueOptions } from './leased-queue.js';

interface Row {
  id: number;
  body: string;
  attempts: number;
  sent_at: Date | null;
  gave_up_at: Date | null;
  lease_until: Date | null;
  last_error: string | null;
  note: string | null;
}

const TABLE = `
  create table test_queue (
    id bigserial primary key,
    body text not null,
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    lease_until timestamptz,
    sent_at timestamptz,
    gave_up_at timestamptz,
    last_error text,
    note text
  )`;

describeEachStore('leased queue', (store) => {
  let database: Database;
  let release: () => Promise<void>;
  const queues: Array<LeasedQueue<Row, unknown>> = [];

  beforeEach(async () => {
    const created = await store.create();
    release = created.release;
    database = await openDatabase(created.location);
    await sql.raw(TABLE).execute(database.db);
  });

  afterEach(async () => {
    await Promise.all(queues.splice(0).map((queue) => queue.stop()));
    await database.close();
    await release();
  });

  function queue(options: Partial<LeasedQueueOptions<Row, unknown>> = {}): LeasedQueue<Row, unknown> {
    const made = new LeasedQueue<Row, unknown>({
      table: 'test_queue',
      db: database.db,
      logger: pino({ level: 'silent' }),
      pollMs: () => 3_600_000,
      isHub: () => true,
      leaseMs: 60_000,
      maxAttempts: 3,
      retryBaseMs: () => 1,
      retryCapMs: 5,
      send: async () => undefined,
      log: { roundFailed: 'round failed', retry: 'retry', dead: 'dead', facts: (row) => ({ row: row.id }) },
      ...options,
    });
    queues.push(made);
    return made;
  }

  const add = async (...bodies: string[]) => {
    for (const body of bodies) await database.db.insertInto('test_queue').values({ body }).execute();
  };
  const rows = async (): Promise<Row[]> =>
    database.db.selectFrom('test_queue').selectAll().orderBy('id').execute() as Promise<Row[]>;

  it('gives each due row to one of two claimers at once, and none while its lease holds', async () => {
    await add('a', 'b', 'c');
    const [first, second] = [queue({ batch: 2 }), queue({ batch: 2 })];
    const claimed = (await Promise.all([first.claim(), second.claim()])).flat();
    expect(claimed.map((row) => row.body).sort()).toEqual(['a', 'b', 'c']);
    expect(claimed.every((row) => row.attempts === 1)).toBe(true);
    expect(await Promise.all([first.claim(), second.claim()])).toEqual([[], []]);
  });

  it('sends a row once, and marks it sent in the transaction of the caller’s hook', async () => {
    await add('hello');
    const sent: string[] = [];
    const registry = new Registry();
    const sender = queue({
      send: async (row) => {
        sent.push(row.body);
        return 'receipt-1';
      },
      onSent: async (trx, row, receipt) => {
        await trx
          .updateTable('test_queue')
          .set({ note: String(receipt) })
          .where('id', '=', row.id)
          .execute();
      },
      metrics: {
        registry,
        sent: { name: 'test_sent_total', help: 'sent' },
        failed: { name: 'test_failed_total', help: 'failed' },
        messages: { name: 'test_queue_messages', help: 'not sent' },
      },
    });
    sender.start();
    await expect.poll(async () => (await rows())[0]?.sent_at).toBeTruthy();
    expect(await rows()).toMatchObject([{ attempts: 1, note: 'receipt-1', lease_until: null, gave_up_at: null }]);
    expect(sent).toEqual(['hello']);
    expect(await registry.getSingleMetricAsString('test_sent_total')).toContain('test_sent_total 1');
    expect(await registry.getSingleMetricAsString('test_queue_messages')).toContain(
      'test_queue_messages{state="pending"} 0',
    );
  });

  it('retries a failed row when its backoff runs out, not at the next poll an hour later, until it goes out', async () => {
    await add('flaky');
    let calls = 0;
    const sender = queue({
      retryBaseMs: () => 200,
      retryCapMs: 200,
      send: async () => {
        calls += 1;
        if (calls < 3) throw new Error(`refused ${calls}`);
      },
    });
    sender.start();
    await expect.poll(async () => (await rows())[0]?.sent_at, { timeout: 10_000 }).toBeTruthy();
    expect(await rows()).toMatchObject([{ attempts: 3, last_error: 'refused 2', gave_up_at: null }]);
  });

  it('waits at least as long as the receiver asked before the next attempt', async () => {
    await add('busy');
    const sender = queue({
      send: async () => {
        throw new DeliveryFailure('too many requests', false, 600_000);
      },
    });
    sender.start();
    await expect.poll(async () => (await rows())[0]?.last_error).toBe('too many requests');
    const { waits } = await sql<{ waits: boolean }>`
      select next_attempt_at > now() + interval '5 minutes' as waits from test_queue`
      .execute(database.db)
      .then((result) => result.rows[0] ?? { waits: false });
    expect(waits).toBe(true);
    expect(await rows()).toMatchObject([{ attempts: 1, gave_up_at: null, lease_until: null }]);
  });

  it('gives up after maxAttempts and leaves the row dead', async () => {
    await add('never');
    let calls = 0;
    const sender = queue({
      send: async () => {
        calls += 1;
        throw new Error('down');
      },
    });
    sender.start();
    await expect.poll(async () => (await rows())[0]?.gave_up_at, { timeout: 10_000 }).toBeTruthy();
    expect(await rows()).toMatchObject([{ attempts: 3, sent_at: null, last_error: 'down' }]);
    expect(calls).toBe(3);
  });

  it('gives up at once on a permanent failure, telling the caller’s hook', async () => {
    await add('blocked');
    const settled: Array<{ dead: boolean; message: string }> = [];
    const sender = queue({
      send: async () => {
        throw new DeliveryFailure('bot was blocked by the user', true);
      },
      onFailed: async (_trx, _row, { dead, failure }) => {
        settled.push({ dead, message: failure.message });
      },
    });
    sender.start();
    await expect.poll(async () => (await rows())[0]?.gave_up_at).toBeTruthy();
    expect(await rows()).toMatchObject([{ attempts: 1, last_error: 'bot was blocked by the user' }]);
    expect(settled).toEqual([{ dead: true, message: 'bot was blocked by the user' }]);
  });

  it('lets another instance take over a crashed sender’s row once its lease has run out', async () => {
    await add('orphan');
    const crashed = queue();
    expect(await crashed.claim()).toHaveLength(1);
    const survivor = queue();
    expect(await survivor.claim()).toEqual([]);
    await sql`update test_queue set lease_until = now() - interval '1 second'`.execute(database.db);
    const sent: number[] = [];
    const taker = queue({
      send: async (row) => {
        sent.push(row.attempts);
      },
    });
    taker.start();
    await expect.poll(async () => (await rows())[0]?.sent_at).toBeTruthy();
    // The crashed attempt may have reached the receiver: it counts.
    expect(sent).toEqual([2]);
  });

  it('does not count an attempt cut off by stop, and leaves the row to the next start', async () => {
    await add('long');
    let started!: () => void;
    const sending = new Promise<void>((resolve) => {
      started = resolve;
    });
    const failures: unknown[] = [];
    const sender = queue({
      send: (_row, signal) =>
        new Promise((_resolve, reject) => {
          started();
          signal.addEventListener('abort', () => reject(signal.reason));
        }),
      onFailed: async (_trx, _row, settled) => {
        failures.push(settled);
      },
    });
    sender.start();
    await sending;
    await sender.stop();
    expect(await rows()).toMatchObject([
      { attempts: 0, lease_until: null, sent_at: null, gave_up_at: null, last_error: null },
    ]);
    expect(failures).toEqual([]);
    const next = queue();
    next.start();
    await expect.poll(async () => (await rows())[0]?.sent_at).toBeTruthy();
    expect(await rows()).toMatchObject([{ attempts: 1 }]);
  });
});
