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
  /** This node's own changes the hub has not confirmed yet. */
  pendingChanges: z.number().int(),
  /** Changes received that wait for earlier ones before they can be applied. */
  waitingChanges: z.number().int(),
  /** Why the last attempt failed (the server's English). */
  lastError: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

export const syncNode = z.object({
  nodeId: z.uuid(),
  name: z.string(),
  role: z.enum(['hub', 'client']),
  enrolledAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
});
export type SyncNode = z.infer<typeof syncNode>;

export const enrollment = z.object({ code: z.string(), expiresAt: z.iso.datetime() });
export type Enrollment = z.infer<typeof enrollment>;
