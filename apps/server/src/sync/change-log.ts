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
  status: 'applied' | 'rejected' | 'pending' | 'filtered';
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
    confirmed_seq: Generated<number>;
    rejections_heard_seq: Generated<number>;
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
    scope: Generated<unknown>;
  };
  'sync.peers': { node_id: string; vector: unknown; last_seen_at: Generated<Date> };
  'sync.epochs': { epoch: number; hub_node_id: string; hub_url: string | null; started_hlc: string; promoted_at: Date };
};

export type Vector = Record<string, number>;
export type SyncDb = ReturnType<typeof syncDb>;
export const syncDb = (db: Db): Kysely<SyncTables> => db.withTables<SyncTables>();

/** This node's version vector as one JSON object: a statement of its own, or a part of a larger one. */
export const VECTOR = sql<Vector>`(select coalesce(jsonb_object_agg(origin, seq), '{}'::jsonb) from sync.vector)`;

/** Changes recorded per statement when an apply settles. */
const SETTLE_CHUNK = 500;

/** A change as the log stores it. */
const changeRow = (change: WireChange, status: ChangeRow['status'], reason: string | null): ChangeRow => ({
  origin: change.origin,
  seq: change.seq,
  hlc: change.hlc,
  tx: change.tx,
  tbl: change.table,
  pk: change.key,
  op: change.op,
  data: change.data,
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
  ...(row.status === 'filtered' && { filtered: true }),
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

  /** Holds this node's record until the transaction ends, serialising what only one instance may do. */
  async lockLocalNode(db: Db) {
    await syncDb(db).selectFrom('sync.local_node').select('node_id').forUpdate().execute();
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

  /** Drops every change and vector entry but this node's own (a reset loads them anew from a snapshot). */
  async forgetOthers(db: Db, self: string) {
    await syncDb(db).deleteFrom('sync.changes').where('origin', '<>', self).execute();
    await syncDb(db).deleteFrom('sync.vector').where('origin', '<>', self).execute();
    await sql`delete from sync.horizon`.execute(db);
  },

  async setHubUrl(db: Db, url: string) {
    await syncDb(db).updateTable('sync.cluster').set({ hub_url: url }).execute();
  },

  async markBootstrapped(db: Db) {
    await syncDb(db).updateTable('sync.cluster').set({ bootstrapped: true }).execute();
  },

  async markSynced(db: Db) {
    await syncDb(db).updateTable('sync.cluster').set({ last_sync_at: sql`now()` }).execute();
  },

  async vector(db: Db): Promise<Vector> {
    return (await sql<{ vector: Vector }>`select ${VECTOR} as vector`.execute(db)).rows[0]?.vector ?? {};
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
   * an origin's transaction, so the receiver can apply each page atomically. Changes held back here (waiting for
   * an earlier one, or for this node to run their newer schema) are served too: store and forward.
   */
  async beyond(db: Db, vector: Vector, limit: number): Promise<ChangeRow[]> {
    const known = Object.entries(vector);
    const rows = await syncDb(db)
      .selectFrom('sync.changes as c')
      .selectAll()
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
      .orderBy('seq')
      .execute();
    return whole;
  },

  /**
   * Records what an apply did, in one statement per 500 changes: each received change with its outcome (a
   * held-back change later settled is updated), and with the last of them, the vector entries it moved, this
   * node's clock merged with the newest stamp it saw, and `notify` for those waiting for the node's changes.
   */
  async settle(
    db: Db,
    outcome: {
      settled: Array<{ change: WireChange; status: ChangeRow['status']; reason: string | null }>;
      vector: Vector;
      clock: { wall: number; counter: number } | undefined;
      notify: { channel: string; payload: string } | undefined;
    },
  ) {
    const { settled } = outcome;
    const moved = Object.entries(outcome.vector);
    const { wall = null, counter = null } = outcome.clock ?? {};
    for (let start = 0; start === 0 || start < settled.length; start += SETTLE_CHUNK) {
      const last = start + SETTLE_CHUNK >= settled.length;
      const rows = settled
        .slice(start, start + SETTLE_CHUNK)
        .map(({ change, status, reason }) => changeRow(change, status, reason));
      await sql`with logged as (
          insert into sync.changes (origin, seq, hlc, tx, tbl, pk, op, data, schema_version, signature, status, reason)
          select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(origin uuid, seq bigint, hlc text,
            tx bigint, tbl text, pk jsonb, op text, data jsonb, schema_version integer, signature text, status text,
            reason text)
          on conflict (origin, seq) do update set status = excluded.status, reason = excluded.reason
        ), moved as (
          insert into sync.vector (origin, seq)
          select * from unnest(${last ? moved.map(([origin]) => origin) : []}::uuid[],
            ${last ? moved.map(([, seq]) => seq) : []}::bigint[])
          on conflict (origin) do update set seq = excluded.seq
        ), clock as (
          update sync.local_node set
            hlc_counter = case when ${wall}::bigint > hlc_wall then ${counter}::integer
              when ${wall}::bigint = hlc_wall then greatest(hlc_counter, ${counter}::integer) else hlc_counter end,
            hlc_wall = greatest(hlc_wall, ${wall}::bigint)
          where ${wall}::bigint is not null
        )
        select pg_notify(${outcome.notify?.channel ?? null}, ${outcome.notify?.payload ?? null})
        where ${last && outcome.notify !== undefined}`.execute(db);
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

  /**
   * Makes a newer epoch this node's authority: the hub it names (and its address when the epoch recorded one).
   * Answers whether this node was the hub until now and has become a client.
   */
  async followEpoch(db: Db, epoch: { epoch: number; hubNodeId: string; hubUrl: string | null }): Promise<boolean> {
    await sql`update sync.cluster set epoch = ${epoch.epoch}, hub_node_id = ${epoch.hubNodeId},
        hub_url = coalesce(${epoch.hubUrl}, case when hub_node_id = ${epoch.hubNodeId} then hub_url end)
      where epoch < ${epoch.epoch} or (epoch = ${epoch.epoch} and hub_node_id <> ${epoch.hubNodeId})`.execute(db);
    const demoted = await sql`update sync.local_node set role = 'client'
      where role = 'hub' and node_id <> ${epoch.hubNodeId} returning node_id`.execute(db);
    return demoted.rows.length > 0;
  },

  async addEpoch(db: Db, epoch: { epoch: number; hubNodeId: string; hubUrl: string | null; startedHlc: string }) {
    await syncDb(db)
      .insertInto('sync.epochs')
      .values({
        epoch: epoch.epoch,
        hub_node_id: epoch.hubNodeId,
        hub_url: epoch.hubUrl,
        started_hlc: epoch.startedHlc,
        promoted_at: new Date(),
      })
      .execute();
  },

  /** Advances this node's clock as a write would and answers the stamp; every later change is stamped after it. */
  async clockStamp(db: Db): Promise<string> {
    const result = await sql<{ stamp: string }>`update sync.local_node set
        hlc_counter = case when now_ms.v > hlc_wall then 0 else hlc_counter + 1 end,
        hlc_wall = greatest(hlc_wall, now_ms.v)
      from (select floor(extract(epoch from clock_timestamp()) * 1000)::bigint as v) now_ms
      returning lpad(hlc_wall::text, 15, '0') || '-' || lpad(hlc_counter::text, 5, '0') || '-' || node_id as stamp`.execute(
      db,
    );
    return result.rows[0]?.stamp ?? '';
  },

  async setRole(db: Db, role: 'hub' | 'client') {
    await syncDb(db).updateTable('sync.local_node').set({ role }).execute();
  },

  async rejectionsOf(db: Db, origin: string, after: number) {
    const rows = await syncDb(db)
      .selectFrom('sync.changes')
      .select(['seq', 'reason'])
      .where('origin', '=', origin)
      .where('seq', '>', after)
      .where('status', '=', 'rejected')
      .orderBy('seq')
      .limit(5_000)
      .execute();
    return rows.map((row) => ({ seq: Number(row.seq), reason: row.reason ?? 'refused' }));
  },

  /** Records the hub's refusals of this node's own changes, heard for every seq up to `upTo`. */
  async markRejected(db: Db, origin: string, rejections: Array<{ seq: number; reason: string }>, upTo: number) {
    await sql`update sync.cluster set rejections_heard_seq = greatest(rejections_heard_seq, ${upTo})`.execute(db);
    if (rejections.length === 0) return;
    await sql`update sync.changes c set status = 'rejected', reason = r.reason
      from unnest(${rejections.map((row) => row.seq)}::bigint[], ${rejections.map((row) => row.reason)}::text[]) as r(seq, reason)
      where c.origin = ${origin} and c.seq = r.seq`.execute(db);
  },

  /** This node's newest change to each of these rows. */
  async lastOwnChanges(db: Db, origin: string, table: string, keys: Array<Record<string, unknown>>) {
    if (keys.length === 0) return [];
    const result = await sql<{
      pk: Record<string, unknown>;
      seq: number;
      status: ChangeRow['status'];
      reason: string | null;
      receivedAt: Date;
    }>`select distinct on (pk) pk, seq, status, reason, received_at as "receivedAt" from sync.changes
      where origin = ${origin} and tbl = ${table} and pk = any(${keys.map((key) => JSON.stringify(key))}::jsonb[])
      order by pk, seq desc`.execute(db);
    return result.rows.map((row) => ({ ...row, seq: Number(row.seq) }));
  },

  async confirm(db: Db, seq: number) {
    await sql`update sync.cluster set confirmed_seq = greatest(confirmed_seq, ${seq})`.execute(db);
  },
};

export type { ChangeRow, SyncTables };
