import { z } from 'zod';

/** GET /api/sync/status: this node's replication state. */
export const syncStatus = z.object({
  role: z.enum(['server', 'client']),
  nodeId: z.uuid(),
  /** The hub's URL: this node's own public URL on a hub, the hub it syncs with on a client. */
  hub: z.string().nullable(),
  hubNodeId: z.string().nullable(),
  clusterId: z.string().nullable(),
  epoch: z.number().int().nullable(),
  enrolled: z.boolean(),
  lastSyncAt: z.string().nullable(),
  /** Seconds since this client last completed a sync with its hub (null on the hub, or before the first). */
  lagSeconds: z.number().int().nullable(),
  /** This node's own changes the hub has not confirmed yet. */
  pendingChanges: z.number().int(),
  /** Changes received that wait for earlier ones before they can be applied. */
  waitingChanges: z.number().int(),
  /** Why the last attempt failed (the server's English). */
  lastError: z.string().nullable(),
  /**
   * What kind of failure it was: the hub could not be reached (changes wait here), the node is not enrolled, a
   * request from `kontor promote|upstream` could not be carried out, or anything else.
   */
  lastErrorCode: z.enum(['hub_unreachable', 'not_enrolled', 'request_failed', 'failed']).nullable(),
});
export type SyncStatus = z.infer<typeof syncStatus>;
export type SyncProblemCode = NonNullable<SyncStatus['lastErrorCode']>;

/** The rows a node is limited to: per scope key (e.g. `units`), the values it may hold; `{}`: every row. */
export const nodeScope = z.record(
  z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'expected a scope key such as units')
    .max(60),
  z.array(z.string().min(1).max(200)).max(1000),
);
export type NodeScope = z.infer<typeof nodeScope>;

export const syncNode = z.object({
  nodeId: z.uuid(),
  name: z.string(),
  role: z.enum(['hub', 'client']),
  enrolledAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  scope: nodeScope,
});
export type SyncNode = z.infer<typeof syncNode>;

export const enrollment = z.object({ code: z.string(), expiresAt: z.iso.datetime() });
export type Enrollment = z.infer<typeof enrollment>;

/** A version vector: per origin node, the highest seq held without a gap. */
export const versionVector = z.record(z.uuid(), z.number().int().nonnegative());

/** GET /api/sync/vector: what this node holds, to paste into another node's "export beyond a vector". */
export const nodeVector = z.object({ nodeId: z.uuid(), vector: versionVector });
export type NodeVector = z.infer<typeof nodeVector>;

/**
 * POST /api/sync/bundle: what importing a bundle did. A change bundle counts changes; a snapshot counts rows,
 * `applied` when it set this node up, `duplicates` when this node already held all of it.
 */
export const bundleImportOutcome = z.object({
  content: z.enum(['changes', 'snapshot']),
  changes: z.number().int(),
  rows: z.number().int(),
  applied: z.number().int(),
  rejected: z.number().int(),
  duplicates: z.number().int(),
  waiting: z.number().int(),
});
export type BundleImportOutcome = z.infer<typeof bundleImportOutcome>;

/** Why a bundle was refused; the problem code is `sync.bundle_<reason>`. */
export type BundleRefusalReason =
  | 'damaged'
  | 'newer_format'
  | 'unknown_signer'
  | 'revoked_signer'
  | 'tampered'
  | 'foreign_cluster'
  | 'forged_change'
  | 'not_from_hub'
  | 'node_has_data'
  | 'not_joined'
  | 'snapshot_needs_hub';
