import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Applier } from '../src/sync/applier.js';
import { changeLog } from '../src/sync/change-log.js';
import { generateIdentity, identityFrom } from '../src/sync/node-identity.js';
import { registry } from '../src/sync/registry.js';
import type { ReplicatedTable } from '../src/sync/replicated-tables.js';
import { signChange, type WireChange } from '../src/sync/signing.js';
import { notesModule } from './fixtures/notes-module.js';
import { startTestNode, type TestNode } from './test-node.js';

/** The apply rules on their own: idempotent, gap-free, atomic. Changes come from a node enrolled by hand. */
describe('applying changes from a peer', () => {
  let node: TestNode;
  let applier: Applier;
  let thisNode: () => { nodeId: string; isHub: boolean };
  const peer = identityFrom(generateIdentity());
  let txCounter = 0;
  const tables = new Map<string, ReplicatedTable>((notesModule.replicated ?? []).map((table) => [table.table, table]));

  const change = (seq: number, body: unknown): WireChange => {
    const id = randomUUID();
    txCounter += 1;
    const unsigned = {
      origin: peer.nodeId,
      seq,
      hlc: `${String(Date.now()).padStart(15, '0')}-00000-${peer.nodeId}`,
      tx: txCounter,
      table: 'notes.notes',
      key: { id },
      op: 'upsert' as const,
      data: { id, owner: peer.nodeId, body, created_at: new Date().toISOString() },
      schemaVersion: 1,
    };
    return { ...unsigned, signature: signChange(peer.privateKey, unsigned) };
  };
  const notes = async () =>
    Number((await sql<{ n: number }>`select count(*)::int as n from notes.notes`.execute(node.platform.db)).rows[0]?.n);
  const held = async () =>
    Number(
      (await sql<{ seq: number }>`select seq from sync.vector where origin = ${peer.nodeId}`.execute(node.platform.db))
        .rows[0]?.seq ?? 0,
    );

  beforeAll(async () => {
    node = await startTestNode({ kind: 'pglite', dir: 'memory' }, {}, { extraModules: [notesModule] });
    await registry.register(node.platform.db, {
      nodeId: peer.nodeId,
      name: 'peer',
      publicKey: peer.publicKey,
      role: 'client',
    });
    const self = { nodeId: String((await changeLog.localNode(node.platform.db))?.node_id), isHub: true };
    thisNode = () => self;
    applier = new Applier(node.platform, tables, 99, thisNode);
  });
  afterAll(() => node.close());

  const batch = Array.from({ length: 6 }, (_, index) => change(index + 1, `note ${index + 1}`));
  const at = (seq: number) => batch[seq - 1] as WireChange;

  it('holds changes that arrive before their predecessor, and applies them once it comes', async () => {
    expect(await applier.apply([at(3), at(4)])).toMatchObject({ applied: 0, waiting: 2 });
    expect(await notes()).toBe(0);
    // Sent again while it waits: already held, so neither applied nor held twice.
    expect(await applier.apply([at(4)])).toMatchObject({ applied: 0, waiting: 0, duplicates: 1 });
    expect(await applier.apply([at(1)])).toMatchObject({ applied: 1, waiting: 0 });
    expect(await held()).toBe(1);
    expect(await applier.apply([at(2), at(2), at(5)])).toMatchObject({ applied: 4, duplicates: 1 });
    expect(await held()).toBe(5);
    expect(await notes()).toBe(5);
  });

  it('skips what it already holds, however often it arrives', async () => {
    expect(await applier.apply(batch.slice(0, 5))).toMatchObject({ applied: 0, duplicates: 5 });
    expect(await notes()).toBe(5);
  });

  it('holds and forwards a change of a newer schema, and applies it once this node runs that schema', async () => {
    const newer = { ...at(6), schemaVersion: 100 };
    newer.signature = signChange(peer.privateKey, { ...newer, signature: undefined } as never);
    expect(await applier.apply([newer])).toMatchObject({ applied: 0, waiting: 1 });
    expect(await notes()).toBe(5);
    const held = { ...(await changeLog.vector(node.platform.db)), [peer.nodeId]: 5 };
    const forwarded = await changeLog.beyond(node.platform.db, held, 10);
    expect(forwarded.map((row) => [Number(row.seq), row.schema_version, row.status])).toEqual([[6, 100, 'pending']]);
    const upgraded = new Applier(node.platform, tables, 100, thisNode);
    expect(await upgraded.apply([], true)).toMatchObject({ applied: 1, waiting: 0 });
    expect(await notes()).toBe(6);
  });

  it('applies a batch whole or not at all', async () => {
    const broken = change(8, null); // violates "body not null" when written
    await expect(applier.apply([change(7, 'note 7'), broken])).rejects.toThrow();
    expect(await notes()).toBe(6);
    expect(await held()).toBe(6);
    expect(await applier.apply([change(7, 'note 7')])).toMatchObject({ applied: 1 });
  });
});
