import { type Generated, type Kysely, sql } from 'kysely';
import type { Db } from '../platform/platform.js';
import type { WireChange } from './signing.js';

type ChangeRow = {
  origin: string;
  seq: number;
  hlc: string;
  tx: number;
  tbl: string;
  pk: Record<string, unknown>;
  op: 'upsert' | 'delete';
  data: Record<string, unknown> | null;
  schema_version: number;
  signature: string | null;
  status: 'applied' | 'rejected' | 'pending';
  reason: string | null;
};

type SyncTables = {
  'sync.local_node': {
    singleton: boolean;
    node_id: string;
    public_key: string;
    private_key: string;
    role: 'hub' | 'client';
    seq: number;
    hlc_wall: number;
    hlc_counter: number;
  };
  'sync.cluster': {
    singleton: boolean;
    cluster_id: string;
    epoch: number;
    hub_node_id: string;
    hub_url: string | null;
    enrolled_at: Generated<Date>;
    bootstrapped: Generated<boolean>;
    last_sync_at: Generated<Date | null>;
  };
  'sync.changes': ChangeRow & { received_at: Generated<Date> };
  'sync.vector': { origin: string; seq: number };
  'sync.nodes': {
    node_id: string;
    name: string;
    public_key: string;
    role: 'hub' | 'client';
    scope: unknown;
    enrolled_at: Generated<Date>;
    revoked_at: Generated<Date | null>;
  };
  'sync.enrollments': {
    code_hash: string;
    created_by: string | null;
    created_at: Generated<Date>;
    expires_at: Date;
    used_by: Generated<string | null>;
    used_at: Generated<Date | null>;
  };
  'sync.peers': { node_id: string; vector: unknown; last_seen_at: Generated<Date> };
};

export type Vector = Record<string, number>;
export type SyncDb = ReturnType<typeof syncDb>;
export const syncDb = (db: Db): Kysely<SyncTables> => db.withTables<SyncTables>();

/** A change as the log stores it (jsonb columns as JSON text). */
const changeRow = (change: WireChange, status: ChangeRow['status'], reason: string | null) => ({
  origin: change.origin,
  seq: change.seq,
  hlc: change.hlc,
  tx: change.tx,
  tbl: change.table,
  pk: JSON.stringify(change.key) as never,
  op: change.op,
  data: (change.data === null ? null : JSON.stringify(change.data)) as never,
  schema_version: change.schemaVersion,
  signature: change.signature,
  status,
  reason,
});

export const toWire = (row: ChangeRow): WireChange => ({
  origin: row.origin,
  seq: Number(row.seq),
  hlc: row.hlc,
  tx: Number(row.tx),
  table: row.tbl,
  key: row.pk,
  op: row.op,
  data: row.data,
  schemaVersion: row.schema_version,
  signature: row.signature ?? '',
  ...(row.status === 'rejected' && { rejected: row.reason ?? 'refused' }),
});

/** SQL of the change log, the version vector, the node registry and this node's own record. */
export const changeLog = {
  async localNode(db: Db) {
    return syncDb(db).selectFrom('sync.local_node').selectAll().executeTakeFirst();
  },

  /** Creates this node's record on first start; later starts keep the identity and role it has. */
  async initLocalNode(
    db: Db,
    node: { nodeId: string; publicKey: string; privateKeyPem: string; role: 'hub' | 'client' },
  ) {
    await syncDb(db)
      .insertInto('sync.local_node')
      .values({
        singleton: true,
        node_id: node.nodeId,
        public_key: node.publicKey,
        private_key: node.privateKeyPem,
        role: node.role,
        seq: 0,
        hlc_wall: 0,
        hlc_counter: 0,
      })
      .onConflict((oc) => oc.column('singleton').doNothing())
      .execute();
  },

  async cluster(db: Db) {
    return syncDb(db).selectFrom('sync.cluster').selectAll().executeTakeFirst();
  },

  async setCluster(db: Db, cluster: { clusterId: string; epoch: number; hubNodeId: string; hubUrl: string | null }) {
    const values = {
      cluster_id: cluster.clusterId,
      epoch: cluster.epoch,
      hub_node_id: cluster.hubNodeId,
      hub_url: cluster.hubUrl,
    };
    await syncDb(db)
      .insertInto('sync.cluster')
      .values({ singleton: true, ...values })
      .onConflict((oc) => oc.column('singleton').doUpdateSet(values))
      .execute();
  },

  async markBootstrapped(db: Db) {
    await syncDb(db).updateTable('sync.cluster').set({ bootstrapped: true }).execute();
  },

  async markSynced(db: Db) {
    await syncDb(db).updateTable('sync.cluster').set({ last_sync_at: sql`now()` }).execute();
  },

  async vector(db: Db): Promise<Vector> {
    const rows = await syncDb(db).selectFrom('sync.vector').selectAll().execute();
    return Object.fromEntries(rows.map((row) => [row.origin, Number(row.seq)]));
  },

  async setVectorEntry(db: Db, origin: string, seq: number) {
    await syncDb(db)
      .insertInto('sync.vector')
      .values({ origin, seq })
      .onConflict((oc) => oc.column('origin').doUpdateSet({ seq }))
      .execute();
  },

  /** Own changes not yet signed, oldest first (the trigger cannot sign: the key is not in the database). */
  async unsigned(db: Db, origin: string, limit: number) {
    return syncDb(db)
      .selectFrom('sync.changes')
      .selectAll()
      .where('origin', '=', origin)
      .where('signature', 'is', null)
      .orderBy('seq')
      .limit(limit)
      .execute();
  },

  /**
   * Changes held here beyond `vector`, in (origin, seq) order, at most about `limit`: a page never ends inside
   * an origin's transaction, so the receiver can apply each page atomically. Pending changes are not served.
   */
  async beyond(db: Db, vector: Vector, limit: number): Promise<ChangeRow[]> {
    const known = Object.entries(vector);
    const rows = await syncDb(db)
      .selectFrom('sync.changes as c')
      .selectAll()
      .where('c.status', '<>', 'pending')
      .where('c.signature', 'is not', null)
      .where((eb) =>
        known.length === 0
          ? eb.lit(true)
          : eb.and(known.map(([origin, seq]) => eb.or([eb('c.origin', '<>', origin), eb('c.seq', '>', seq)]))),
      )
      .orderBy('c.origin')
      .orderBy('c.seq')
      .limit(limit + 1)
      .execute();
    if (rows.length <= limit) return rows;
    // Trim back to the last transaction boundary inside the page; keep a whole transaction if it alone is larger.
    const last = rows[limit] as ChangeRow;
    let end = limit;
    while (end > 0 && rows[end - 1]?.origin === last.origin && Number(rows[end - 1]?.tx) === Number(last.tx)) end -= 1;
    if (end > 0) return rows.slice(0, end);
    const whole = await syncDb(db)
      .selectFrom('sync.changes')
      .selectAll()
      .where('origin', '=', last.origin)
      .where('tx', '=', last.tx)
      .where('status', '<>', 'pending')
      .orderBy('seq')
      .execute();
    return whole;
  },

  async get(db: Db, origin: string, seq: number) {
    return syncDb(db)
      .selectFrom('sync.changes')
      .selectAll()
      .where('origin', '=', origin)
      .where('seq', '=', seq)
      .executeTakeFirst();
  },

  /** Which of these (origin, seq) pairs this node already holds, as `origin:seq`. */
  async heldAmong(db: Db, changes: WireChange[]): Promise<Set<string>> {
    if (changes.length === 0) return new Set();
    const result = await sql<{ origin: string; seq: number }>`
      select c.origin, c.seq from sync.changes c
      join unnest(${changes.map((change) => change.origin)}::uuid[], ${changes.map((change) => change.seq)}::bigint[]) as k(origin, seq)
        on c.origin = k.origin and c.seq = k.seq`.execute(db);
    return new Set(result.rows.map((row) => `${row.origin}:${Number(row.seq)}`));
  },

  /** Records received changes with their outcome, in chunks; a held-back change later settled is updated. */
  async insertMany(db: Db, rows: Array<{ change: WireChange; status: ChangeRow['status']; reason: string | null }>) {
    for (let start = 0; start < rows.length; start += 500) {
      await syncDb(db)
        .insertInto('sync.changes')
        .values(rows.slice(start, start + 500).map(({ change, status, reason }) => changeRow(change, status, reason)))
        .onConflict((oc) =>
          oc
            .columns(['origin', 'seq'])
            .doUpdateSet((eb) => ({ status: eb.ref('excluded.status'), reason: eb.ref('excluded.reason') })),
        )
        .execute();
    }
  },

  /** Signs in one statement: the signature of each of this origin's changes by seq. */
  async setSignatures(db: Db, origin: string, signed: Array<{ seq: number; signature: string }>) {
    if (signed.length === 0) return;
    await sql`update sync.changes c set signature = s.signature
      from unnest(${signed.map((row) => row.seq)}::bigint[], ${signed.map((row) => row.signature)}::text[]) as s(seq, signature)
      where c.origin = ${origin} and c.seq = s.seq`.execute(db);
  },

  async pendingCount(db: Db): Promise<number> {
    const row = await syncDb(db)
      .selectFrom('sync.changes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Own changes with a seq above what the hub confirmed it holds. */
  async unconfirmedCount(db: Db, origin: string, confirmedSeq: number): Promise<number> {
    const row = await syncDb(db)
      .selectFrom('sync.changes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('origin', '=', origin)
      .where('seq', '>', confirmedSeq)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async mergeClock(db: Db, wall: number, counter: number) {
    await sql`update sync.local_node set
        hlc_counter = case when ${wall} > hlc_wall then ${counter} when ${wall} = hlc_wall then greatest(hlc_counter, ${counter}) else hlc_counter end,
        hlc_wall = greatest(hlc_wall, ${wall})`.execute(db);
  },
};

export type { ChangeRow, SyncTables };
