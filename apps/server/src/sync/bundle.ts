import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { BundleImportOutcome, BundleRefusalReason } from '@kontor/contracts';
import { z } from 'zod';
import type { RequestContext } from '../platform/context.js';
import { SyncRefusal } from './applier.js';
import { changeLog, syncDb, type Vector } from './change-log.js';
import { publicKeyObject } from './node-identity.js';
import { type RegisteredNode, registry } from './registry.js';
import type { SyncService } from './service.js';
import { bytesSignatureValid, signBytes, type WireChange } from './signing.js';
import type { Snapshot } from './snapshots.js';

// Asynchronous, so compressing a large bundle does not stall every other request of the node.
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

const FORMAT = 'kontor-bundle';
type Content = 'changes' | 'snapshot';
/**
 * The format version each content is written with: version 1 carried changes only; version 2 added full
 * snapshots, so a version-1 reader refuses a snapshot as written by a newer Kontor instead of misreading it.
 */
const VERSION_OF: Record<Content, number> = { changes: 1, snapshot: 2 };
const NEWEST_VERSION = 2;

/** A bundle that must not be imported or cannot be written, with a stable reason and words an operator can act on. */
export class BundleRefusal extends Error {
  override name = 'BundleRefusal';
  constructor(
    readonly reason: BundleRefusalReason,
    message: string,
  ) {
    super(message);
  }
}

const header = z.object({ format: z.literal(FORMAT), version: z.number().int().positive() });
const envelope = header.extend({
  content: z.enum(['changes', 'snapshot']).default('changes'),
  signer: z.uuid(),
  payload: z.string(),
  signature: z.string(),
});
const vector = z.record(z.string(), z.number());
const changesPayload = z.object({
  clusterId: z.uuid(),
  createdAt: z.string(),
  since: vector,
  changes: z.array(z.custom<WireChange>((value) => typeof value === 'object' && value !== null)),
});
/** The hub's bootstrap snapshot; loose, so whatever a snapshot gains later travels whole. */
const snapshotPayload = z.looseObject({
  clusterId: z.uuid(),
  epoch: z.number().int(),
  createdAt: z.string(),
  vector,
  tables: z.array(z.object({ table: z.string(), rows: z.array(z.record(z.string(), z.unknown())) })),
});

type VerifiedBundle = { signer: RegisteredNode } & (
  | { content: 'changes'; payload: z.infer<typeof changesPayload> }
  | { content: 'snapshot'; payload: z.infer<typeof snapshotPayload> }
);

const jsonOrUndefined = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const damaged = () => new BundleRefusal('damaged', 'the file is truncated, damaged or not a Kontor bundle');

/** Signs `body` with this node's key and wraps it in the gzip envelope every bundle shares. */
async function writeBundle(sync: SyncService, content: Content, body: object): Promise<Buffer> {
  const payload = JSON.stringify(body);
  const signature = signBytes(sync.identity.privateKey, Buffer.from(payload, 'utf8'));
  const version = VERSION_OF[content];
  return gzipAsync(
    JSON.stringify({ format: FORMAT, version, content, signer: sync.identity.nodeId, payload, signature }),
  );
}

/** Checks a bundle whole before anything of it is used: envelope, format version, signer, signature, cluster. */
async function readBundle(sync: SyncService, file: Buffer): Promise<VerifiedBundle> {
  const parsed = jsonOrUndefined((await gunzipAsync(file).catch(() => Buffer.alloc(0))).toString('utf8'));
  const head = header.safeParse(parsed);
  if (!head.success) throw damaged();
  if (head.data.version > NEWEST_VERSION)
    throw new BundleRefusal('newer_format', `the bundle was written by a newer Kontor (format ${head.data.version})`);
  const outer = envelope.safeParse(parsed);
  if (!outer.success) throw damaged();
  const { content, payload, signature } = outer.data;
  const signer = await registry.find(sync.platform.db, outer.data.signer);
  if (!signer)
    throw new BundleRefusal(
      'unknown_signer',
      `the bundle is signed by node ${outer.data.signer}, which this node does not know`,
    );
  if (signer.revokedAt)
    throw new BundleRefusal('revoked_signer', `the bundle is signed by node ${signer.name}, which was revoked`);
  if (!bytesSignatureValid(publicKeyObject(signer.publicKey), Buffer.from(payload, 'utf8'), signature)) {
    throw new BundleRefusal(
      'tampered',
      'the bundle’s signature does not match its content: it was changed after it was written',
    );
  }
  const inner = (content === 'snapshot' ? snapshotPayload : changesPayload).safeParse(jsonOrUndefined(payload));
  if (!inner.success) throw damaged();
  const cluster = await changeLog.cluster(sync.platform.db);
  if (inner.data.clusterId !== cluster?.cluster_id)
    throw new BundleRefusal('foreign_cluster', `the bundle belongs to another cluster (${inner.data.clusterId})`);
  return { signer, content, payload: inner.data } as VerifiedBundle;
}

/**
 * Writes every change this node holds beyond `since` to a gzip file, signed by this node: the same change
 * stream as over the network, for media carried between nodes that cannot talk.
 */
export async function exportBundle(sync: SyncService, ctx: RequestContext, since: Vector = {}): Promise<Buffer> {
  const cluster = await changeLog.cluster(sync.platform.db);
  if (!cluster)
    throw new BundleRefusal('not_joined', 'this node has not joined a cluster yet, so it has nothing to share');
  const changes: WireChange[] = [];
  const cursor = { ...since };
  for (;;) {
    const page = await sync.changesBeyond(cursor, 5_000);
    changes.push(...page.changes);
    for (const change of page.changes) cursor[change.origin] = Math.max(cursor[change.origin] ?? 0, change.seq);
    if (!page.more) break;
  }
  const file = await writeBundle(sync, 'changes', {
    clusterId: cluster.cluster_id,
    createdAt: new Date().toISOString(),
    since,
    changes,
  });
  await audit(sync, ctx, 'bundle.export', { content: 'changes', changes: changes.length, bytes: file.length, since });
  return file;
}

/**
 * Writes the hub's full snapshot (every replicated row and the vector it corresponds to, the same a new node
 * bootstraps from over the network) to a signed gzip file, to set up a node that cannot reach the hub.
 */
export async function exportSnapshotBundle(sync: SyncService, ctx: RequestContext): Promise<Buffer> {
  if (!sync.isHub)
    throw new BundleRefusal(
      'snapshot_needs_hub',
      'only the hub writes full snapshots: a workstation’s copy may be behind the hub’s',
    );
  const snapshot = await sync.snapshots.take();
  const file = await writeBundle(sync, 'snapshot', { ...snapshot, createdAt: new Date().toISOString() });
  await audit(sync, ctx, 'bundle.export', { content: 'snapshot', rows: rowCount(snapshot), bytes: file.length });
  return file;
}

/**
 * Verifies a bundle whole and merges it: changes as over the network, a snapshot as the bootstrap of a node that
 * holds nothing yet. Idempotent; a refusal is audited too, since a forged file is worth knowing about.
 */
export async function importBundle(sync: SyncService, ctx: RequestContext, file: Buffer): Promise<BundleImportOutcome> {
  try {
    const bundle = await readBundle(sync, file);
    const outcome =
      bundle.content === 'snapshot'
        ? await importSnapshot(sync, bundle.signer, bundle.payload)
        : await importChanges(sync, bundle.payload.changes);
    await audit(sync, ctx, 'bundle.import', { signer: bundle.signer.name, ...outcome });
    return outcome;
  } catch (error) {
    if (error instanceof BundleRefusal)
      await audit(sync, ctx, 'bundle.refuse', { reason: error.reason, message: error.message, bytes: file.length });
    throw error;
  }
}

async function importChanges(sync: SyncService, changes: WireChange[]): Promise<BundleImportOutcome> {
  try {
    const { applied, rejected, duplicates, waiting } = await sync.receive(null, changes);
    return { content: 'changes', changes: changes.length, rows: 0, applied, rejected, duplicates, waiting };
  } catch (error) {
    if (error instanceof SyncRefusal)
      throw new BundleRefusal('forged_change', `a change in the bundle is not genuine: ${error.message}`);
    throw error;
  }
}

/**
 * Loads a hub's snapshot as this node's bootstrap when the node holds nothing yet; answers "already held" when
 * the node's vector covers it; refuses otherwise, since loading it could overwrite newer rows or lose own writes.
 */
async function importSnapshot(
  sync: SyncService,
  signer: RegisteredNode,
  snapshot: Snapshot,
): Promise<BundleImportOutcome> {
  const rows = rowCount(snapshot);
  const outcome = {
    content: 'snapshot',
    changes: 0,
    rows,
    applied: 0,
    rejected: 0,
    duplicates: 0,
    waiting: 0,
  } as const;
  return sync.platform.transaction(async (trx) => {
    // Locks the node's cluster record, so a concurrent bootstrap cannot slip in between the check and the load.
    const cluster = await syncDb(trx).selectFrom('sync.cluster').selectAll().forUpdate().executeTakeFirstOrThrow();
    if (signer.nodeId !== cluster.hub_node_id) {
      throw new BundleRefusal(
        'not_from_hub',
        `the snapshot is signed by node ${signer.name}, not by this cluster’s hub; only the hub’s snapshot is trusted`,
      );
    }
    const vector = await changeLog.vector(trx);
    if (!cluster.bootstrapped && Object.keys(vector).length === 0) {
      await sync.snapshots.loadIn(trx, snapshot);
      return { ...outcome, applied: rows };
    }
    if (covers(vector, snapshot.vector)) return { ...outcome, duplicates: rows };
    throw new BundleRefusal(
      'node_has_data',
      'this node already holds data, and a snapshot loaded over it could overwrite newer rows or lose its own ' +
        'unsent changes; bring it up to date with a change bundle instead (export with this node’s vector)',
    );
  });
}

const covers = (held: Vector, wanted: Vector) =>
  Object.entries(wanted).every(([origin, seq]) => (held[origin] ?? 0) >= seq);

const rowCount = (snapshot: Snapshot) => snapshot.tables.reduce((sum, table) => sum + table.rows.length, 0);

async function audit(sync: SyncService, ctx: RequestContext, action: string, after: unknown) {
  await sync.platform.transaction((trx) =>
    sync.platform.audit.record(trx, ctx, { action, entity: 'node', entityId: sync.identity.nodeId, after }),
  );
}
