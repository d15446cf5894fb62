import { sql } from 'kysely';
import type { Db } from '../platform/platform.js';
import { syncDb } from './change-log.js';
import type { NodeScope } from './replicated-tables.js';

export interface RegisteredNode {
  nodeId: string;
  /** The rows it is limited to (see ReplicatedTable.scope); `{}`: every row. */
  scope: NodeScope;
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
  'scope',
] as const;

/** A row of `sync.nodes` as read with `columns`: its scope is stored as JSON. */
const asNode = <Row extends { scope: unknown }>(row: Row) => ({ ...row, scope: row.scope as NodeScope });

/** The replicated registry of enrolled nodes, and the one-time enrollment codes (hub only). */
export const registry = {
  async find(db: Db, nodeId: string): Promise<RegisteredNode | undefined> {
    return (await registry.findMany(db, [nodeId])).get(nodeId);
  },

  /** The registered nodes among `nodeIds`, by id, read in one statement. */
  async findMany(db: Db, nodeIds: string[]): Promise<Map<string, RegisteredNode>> {
    if (nodeIds.length === 0) return new Map();
    const rows = await syncDb(db).selectFrom('sync.nodes').select(columns).where('node_id', 'in', nodeIds).execute();
    return new Map(rows.map((row) => [row.nodeId, asNode(row)]));
  },

  async list(db: Db): Promise<RegisteredNode[]> {
    const rows = await syncDb(db).selectFrom('sync.nodes').select(columns).orderBy('enrolled_at').execute();
    return rows.map(asNode);
  },

  async register(
    db: Db,
    node: { nodeId: string; name: string; publicKey: string; role: 'hub' | 'client'; scope?: NodeScope },
  ) {
    await syncDb(db)
      .insertInto('sync.nodes')
      .values({
        node_id: node.nodeId,
        name: node.name,
        public_key: node.publicKey,
        role: node.role,
        scope: JSON.stringify(node.scope ?? {}),
      })
      .onConflict((oc) =>
        oc.column('node_id').doUpdateSet({ name: node.name, public_key: node.publicKey, role: node.role }),
      )
      .execute();
  },

  async setRole(db: Db, nodeId: string, role: 'hub' | 'client') {
    await syncDb(db).updateTable('sync.nodes').set({ role }).where('node_id', '=', nodeId).execute();
  },

  async setScope(db: Db, nodeId: string, scope: NodeScope) {
    await syncDb(db)
      .updateTable('sync.nodes')
      .set({ scope: JSON.stringify(scope) })
      .where('node_id', '=', nodeId)
      .execute();
  },

  async revoke(db: Db, nodeId: string) {
    await syncDb(db).updateTable('sync.nodes').set({ revoked_at: sql`now()` }).where('node_id', '=', nodeId).execute();
  },

  async addEnrollment(db: Db, codeHash: string, createdBy: string | null, expiresAt: Date, scope: NodeScope) {
    await syncDb(db)
      .insertInto('sync.enrollments')
      .values({ code_hash: codeHash, created_by: createdBy, expires_at: expiresAt, scope: JSON.stringify(scope) })
      .execute();
  },

  /** Marks a valid, unused, unexpired code as used by `nodeId`, answering the scope it gives; undefined: no such code. */
  async consumeEnrollment(db: Db, codeHash: string, nodeId: string): Promise<NodeScope | undefined> {
    const used = await syncDb(db)
      .updateTable('sync.enrollments')
      .set({ used_by: nodeId, used_at: sql`now()` })
      .where('code_hash', '=', codeHash)
      .where('used_by', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .returning('scope')
      .executeTakeFirst();
    return used?.scope as NodeScope | undefined;
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
