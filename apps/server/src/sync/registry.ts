import { sql } from 'kysely';
import type { Db } from '../platform/platform.js';
import { syncDb } from './change-log.js';

export interface RegisteredNode {
  nodeId: string;
  name: string;
  publicKey: string;
  role: 'hub' | 'client';
  revokedAt: Date | null;
  enrolledAt: Date;
}

const columns = [
  'node_id as nodeId',
  'name',
  'public_key as publicKey',
  'role',
  'revoked_at as revokedAt',
  'enrolled_at as enrolledAt',
] as const;

/** The replicated registry of enrolled nodes, and the one-time enrollment codes (hub only). */
export const registry = {
  async find(db: Db, nodeId: string): Promise<RegisteredNode | undefined> {
    return syncDb(db).selectFrom('sync.nodes').select(columns).where('node_id', '=', nodeId).executeTakeFirst();
  },

  async list(db: Db): Promise<RegisteredNode[]> {
    return syncDb(db).selectFrom('sync.nodes').select(columns).orderBy('enrolled_at').execute();
  },

  async register(db: Db, node: { nodeId: string; name: string; publicKey: string; role: 'hub' | 'client' }) {
    await syncDb(db)
      .insertInto('sync.nodes')
      .values({ node_id: node.nodeId, name: node.name, public_key: node.publicKey, role: node.role, scope: '{}' })
      .onConflict((oc) =>
        oc.column('node_id').doUpdateSet({ name: node.name, public_key: node.publicKey, role: node.role }),
      )
      .execute();
  },

  async setRole(db: Db, nodeId: string, role: 'hub' | 'client') {
    await syncDb(db).updateTable('sync.nodes').set({ role }).where('node_id', '=', nodeId).execute();
  },

  async revoke(db: Db, nodeId: string) {
    await syncDb(db).updateTable('sync.nodes').set({ revoked_at: sql`now()` }).where('node_id', '=', nodeId).execute();
  },

  async addEnrollment(db: Db, codeHash: string, createdBy: string | null, expiresAt: Date) {
    await syncDb(db)
      .insertInto('sync.enrollments')
      .values({ code_hash: codeHash, created_by: createdBy, expires_at: expiresAt })
      .execute();
  },

  /** Marks a valid, unused, unexpired code as used by `nodeId`; false when there is no such code. */
  async consumeEnrollment(db: Db, codeHash: string, nodeId: string): Promise<boolean> {
    const result = await syncDb(db)
      .updateTable('sync.enrollments')
      .set({ used_by: nodeId, used_at: sql`now()` })
      .where('code_hash', '=', codeHash)
      .where('used_by', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async recordPeer(db: Db, nodeId: string, vector: Record<string, number>) {
    await syncDb(db)
      .insertInto('sync.peers')
      .values({ node_id: nodeId, vector: JSON.stringify(vector), last_seen_at: sql`now()` })
      .onConflict((oc) =>
        oc.column('node_id').doUpdateSet({ vector: JSON.stringify(vector), last_seen_at: sql`now()` }),
      )
      .execute();
  },
};
