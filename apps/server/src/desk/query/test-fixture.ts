// Shared by this folder's tests: incidents' fields as the desk declares them, and a small table to run filters on.
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type RawBuilder, sql } from 'kysely';
import pg from 'pg';
import { pglitePoolConfig } from '../../platform/db/pglite-connection.js';
import type { QueryContext, QueryFields } from './compiler.js';

export const ME = '11111111-1111-4111-8111-111111111111';
export const OTHER = '22222222-2222-4222-8222-222222222222';
export const NOW = new Date('2026-12-03T12:00:00Z');
export const CONTEXT: QueryContext = { userId: ME, now: NOW };

export const INCIDENT_FIELDS: QueryFields = {
  fields: {
    status: {
      kind: 'enum',
      column: sql`i.status`,
      values: ['new', 'in_progress', 'waiting', 'resolved', 'closed'],
      aliases: { open: ['new', 'in_progress', 'waiting'], done: ['resolved', 'closed'] },
      description: 'Where the incident is in its life',
    },
    priority: {
      kind: 'ordinal',
      column: sql`i.priority`,
      values: ['low', 'normal', 'high', 'critical'],
      description: 'How urgent it is',
    },
    assignee: { kind: 'user', column: sql`i.assignee`, description: 'The agent working on it' },
    requester: { kind: 'user', column: sql`i.requester`, description: 'Who asked' },
    client: { kind: 'text', column: sql`i.client`, description: 'The client organisation' },
    order: { kind: 'text', column: sql`i.order_ref`, description: 'The order it concerns' },
    category: { kind: 'text', column: sql`i.category`, description: 'What it is about' },
    group: { kind: 'text', column: sql`i.group_name`, description: 'The team it is assigned to' },
    label: { kind: 'labels', column: sql`i.labels`, description: 'Labels set on it' },
    created: { kind: 'date', column: sql`i.created_at`, description: 'When it was created' },
    updated: { kind: 'date', column: sql`i.updated_at`, description: 'When it last changed' },
    resolved: { kind: 'date', column: sql`i.resolved_at`, description: 'When it was resolved' },
    number: { kind: 'number', column: sql`i.number`, description: 'Its number' },
  },
  freeText: sql<string>`i.search_text`,
};

type Row = [
  id: number,
  status: string,
  priority: string,
  assignee: string | null,
  client: string | null,
  category: string | null,
  labels: string[] | null,
  createdAt: string,
  searchText: string,
];

const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();

/** Rows 1 and 17 are the ones the example filter finds; each other row misses it by one condition. */
export const ROWS: Row[] = [
  [1, 'new', 'high', ME, 'ACME AB', 'network', [], hoursAgo(24), 'vpn down for everyone'],
  [2, 'in_progress', 'critical', ME, 'ACME AB', 'printers', [], hoursAgo(48), 'printer jam'],
  [3, 'waiting', 'high', ME, 'ACME AB', 'network', ['duplicate'], hoursAgo(72), 'vpn down again'],
  [4, 'resolved', 'high', ME, 'ACME AB', 'network', [], hoursAgo(24), 'vpn down fixed'],
  [5, 'new', 'normal', ME, 'ACME AB', 'network', [], hoursAgo(24), 'vpn down slow'],
  [6, 'new', 'high', OTHER, 'ACME AB', 'network', [], hoursAgo(24), 'vpn down'],
  [7, 'new', 'high', null, 'ACME AB', 'network', [], hoursAgo(24), 'vpn down'],
  [8, 'new', 'high', ME, 'ACME AB Filial', 'network', [], hoursAgo(24), 'vpn down'],
  [9, 'new', 'critical', ME, 'acme ab', 'network', [], hoursAgo(240), 'vpn down'],
  [10, 'new', 'high', ME, 'ACME AB', 'email', [], hoursAgo(24), 'vpn down'],
  [11, 'closed', 'low', OTHER, 'Beta', 'printers', ['urgent'], hoursAgo(720), 'toner empty'],
  [12, 'new', 'low', null, '100% Oy', 'email', [], hoursAgo(4), 'vaxel trasig'],
  [13, 'waiting', 'normal', OTHER, '100 Procent', 'phones', [], hoursAgo(120), 'vaxeln svarar inte'],
  [14, 'new', 'critical', OTHER, 'a_b', 'network', ['urgent', 'duplicate'], '2026-11-01T10:00:00Z', 'switch dead'],
  [15, 'in_progress', 'low', null, null, null, null, '2026-11-01T23:30:00Z', 'e-mail problem'],
  [16, 'resolved', 'normal', ME, 'axb', 'email', [], '2026-11-02T00:30:00Z', 'mail bounces'],
  [17, 'in_progress', 'critical', ME, 'Acme AB', 'printers', null, hoursAgo(30), 'printer says vpn down'],
  [18, 'closed', 'high', ME, 'ACME AB', 'network', ['vip'], hoursAgo(2), 'vpn down'],
];

export interface TestStore {
  // biome-ignore lint/suspicious/noExplicitAny: the test table is declared in SQL, not in a Kysely schema
  db: Kysely<any>;
  /** The ids a filter selects, ascending. */
  ids(where: RawBuilder<boolean>): Promise<number[]>;
  close(): Promise<void>;
}

export async function openTestStore(): Promise<TestStore> {
  const pglite = await PGlite.create();
  // biome-ignore lint/suspicious/noExplicitAny: see TestStore
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool(pglitePoolConfig(pglite)) }) });
  await sql`
    create table incidents (
      id int primary key,
      number int not null,
      status text not null,
      priority text not null,
      assignee uuid,
      requester uuid,
      client text,
      order_ref text,
      category text,
      group_name text,
      labels text[],
      created_at timestamptz not null,
      updated_at timestamptz,
      resolved_at timestamptz,
      search_text text not null
    )`.execute(db);
  for (const [id, status, priority, assignee, client, category, labels, createdAt, searchText] of ROWS) {
    await db
      .insertInto('incidents')
      .values({
        id,
        number: 1000 + id,
        status,
        priority,
        assignee,
        requester: id % 2 === 0 ? ME : OTHER,
        client,
        category,
        labels,
        created_at: createdAt,
        search_text: searchText,
      })
      .execute();
  }
  return {
    db,
    ids: async (where) => {
      const rows = await db.selectFrom('incidents as i').select('i.id').where(where).orderBy('i.id').execute();
      return rows.map((row) => row.id as number);
    },
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
