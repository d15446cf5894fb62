import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { RequestContext } from '../platform/context.js';
import { type ApplyOutcome, SyncRefusal } from './applier.js';
import { changeLog, type Vector } from './change-log.js';
import { publicKeyObject } from './node-identity.js';
import { registry } from './registry.js';
import type { SyncService } from './service.js';
import { bytesSignatureValid, signBytes, type WireChange } from './signing.js';

const FORMAT = 'kontor-bundle';
const VERSION = 1;

/** A bundle file that must not be imported, with the reason in words an operator can act on. */
export class BundleRefusal extends Error {
  override name = 'BundleRefusal';
}

const envelope = z.object({
  format: z.literal(FORMAT),
  version: z.number().int(),
  signer: z.uuid(),
  payload: z.string(),
  signature: z.string(),
});
const payload = z.object({
  clusterId: z.uuid(),
  createdAt: z.string(),
  since: z.record(z.string(), z.number()),
  changes: z.array(z.custom<WireChange>((value) => typeof value === 'object' && value !== null)),
});

/**
 * Writes every change this node holds beyond `since` to a gzip file, signed by this node: the same change
 * stream as over the network, for media carried between nodes that cannot talk.
 */
export async function exportBundle(sync: SyncService, ctx: RequestContext, since: Vector = {}): Promise<Buffer> {
  const cluster = await changeLog.cluster(sync.platform.db);
  if (!cluster) throw new BundleRefusal('this node has not joined a cluster yet, so it has nothing to share');
  const changes: WireChange[] = [];
  const cursor = { ...since };
  for (;;) {
    const page = await sync.changesBeyond(cursor, 5_000);
    changes.push(...page.changes);
    for (const change of page.changes) cursor[change.origin] = Math.max(cursor[change.origin] ?? 0, change.seq);
    if (!page.more) break;
  }
  const body = JSON.stringify({ clusterId: cluster.cluster_id, createdAt: new Date().toISOString(), since, changes });
  const signature = signBytes(sync.identity.privateKey, Buffer.from(body, 'utf8'));
  const file = gzipSync(
    JSON.stringify({ format: FORMAT, version: VERSION, signer: sync.identity.nodeId, payload: body, signature }),
  );
  await audit(sync, ctx, 'bundle.export', { changes: changes.length, bytes: file.length, since });
  return file;
}

/** Verifies a bundle whole (file, signer, signature, cluster, every change) and merges it; idempotent. */
export async function importBundle(
  sync: SyncService,
  ctx: RequestContext,
  file: Buffer,
): Promise<ApplyOutcome & { changes: number }> {
  let outer: z.infer<typeof envelope>;
  try {
    outer = envelope.parse(JSON.parse(gunzipSync(file).toString('utf8')));
  } catch {
    throw new BundleRefusal('the file is truncated, damaged or not a Kontor bundle');
  }
  if (outer.version > VERSION)
    throw new BundleRefusal(`the bundle was written by a newer Kontor (format ${outer.version})`);
  const signer = await registry.find(sync.platform.db, outer.signer);
  if (!signer) throw new BundleRefusal(`the bundle is signed by node ${outer.signer}, which this node does not know`);
  if (signer.revokedAt) throw new BundleRefusal(`the bundle is signed by node ${signer.name}, which was revoked`);
  if (!bytesSignatureValid(publicKeyObject(signer.publicKey), Buffer.from(outer.payload, 'utf8'), outer.signature)) {
    throw new BundleRefusal('the bundle’s signature does not match its content: it was changed after it was written');
  }
  const inner = payload.parse(JSON.parse(outer.payload));
  const cluster = await changeLog.cluster(sync.platform.db);
  if (inner.clusterId !== cluster?.cluster_id)
    throw new BundleRefusal(`the bundle belongs to another cluster (${inner.clusterId})`);
  try {
    const outcome = { changes: inner.changes.length, ...(await sync.receive(null, inner.changes)) };
    await audit(sync, ctx, 'bundle.import', { signer: signer.name, ...outcome });
    return outcome;
  } catch (error) {
    if (error instanceof SyncRefusal)
      throw new BundleRefusal(`a change in the bundle is not genuine: ${error.message}`);
    throw error;
  }
}

async function audit(sync: SyncService, ctx: RequestContext, action: string, after: unknown) {
  await sync.platform.transaction((trx) =>
    sync.platform.audit.record(trx, ctx, { action, entity: 'node', entityId: sync.identity.nodeId, after }),
  );
}
