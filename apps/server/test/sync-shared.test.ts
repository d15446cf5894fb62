import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notesModule } from './fixtures/notes-module.js';
import { enrollClient } from './sync-pair.js';
import { startTestNode, type TestNode } from './test-node.js';

const POLL = { timeout: 20_000 };
const boardOn = async (node: TestNode, id: string) =>
  (
    await sql<{ title: string; colour: string; pinned: boolean }>`select title, colour, pinned from notes.boards
      where id = ${id}`.execute(node.platform.db)
  ).rows[0] ?? null;

/** Rows several nodes edit: edits made apart merge column by column, and the newest edit of a column wins. */
describe('shared rows edited on two workstations while the hub is away', () => {
  const hubData = mkdtempSync(join(tmpdir(), 'kontor-shared-hub-'));
  const store = { kind: 'pglite', dir: hubData } as const;
  let hub: TestNode;
  let port: number;
  let a: TestNode;
  let b: TestNode;

  beforeAll(async () => {
    hub = await startTestNode(store, {}, { extraModules: [notesModule] });
    const hubUrl = await hub.app.listen({ host: '127.0.0.1', port: 0 });
    port = Number(new URL(hubUrl).port);
    a = await enrollClient(hub, hubUrl, {}, [notesModule]);
    b = await enrollClient(hub, hubUrl, {}, [notesModule]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close(), hub?.close()]);
    rmSync(hubData, { recursive: true, force: true });
  });

  it('keeps both workstations’ edits of different columns and the later edit of the same column', async () => {
    const id = randomUUID();
    await sql`insert into notes.boards (id, title) values (${id}, 'Ward 7')`.execute(a.platform.db);
    for (const node of [hub, b]) await expect.poll(() => boardOn(node, id), POLL).toMatchObject({ title: 'Ward 7' });

    await hub.close();
    await sql`update notes.boards set title = 'Ward 7 East', pinned = true where id = ${id}`.execute(a.platform.db);
    await sql`update notes.boards set colour = 'red' where id = ${id}`.execute(b.platform.db);
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later clock stamp for B's second edit
    await sql`update notes.boards set title = 'Ward 7 West' where id = ${id}`.execute(b.platform.db);

    hub = await startTestNode(store, {}, { extraModules: [notesModule] });
    await hub.app.listen({ host: '127.0.0.1', port });
    const merged = { title: 'Ward 7 West', colour: 'red', pinned: true };
    for (const node of [hub, a, b]) await expect.poll(() => boardOn(node, id), POLL).toEqual(merged);
  });

  it('lets a delete win over older edits and lose to newer ones', async () => {
    const id = randomUUID();
    await sql`insert into notes.boards (id, title) values (${id}, 'Linen')`.execute(b.platform.db);
    for (const node of [hub, a]) await expect.poll(() => boardOn(node, id), POLL).not.toBeNull();
    await sql`delete from notes.boards where id = ${id}`.execute(a.platform.db);
    for (const node of [hub, b]) await expect.poll(() => boardOn(node, id), POLL).toBeNull();
  });
});
