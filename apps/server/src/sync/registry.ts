import { type RawBuilder, sql } from 'kysely';
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

/** A registered node as `nodesJson` answers it: its timestamps as JSON text. */
export type NodeJson = Omit<RegisteredNode, 'revokedAt' | 'enrolledAt'> & {
  revokedAt: string | null;
  enrolledAt: string;
};

/**
 * The registered nodes `where` selects, oldest first, as one JSON array: a statement of its own, or a part of
 * the one statement an apply reads everything with (see apply-context.ts).
 */
const nodesJson = (where: RawBuilder<unknown>) => sql<NodeJson[]>`(select coalesce(jsonb_agg(jsonb_build_object(
    'nodeId', node_id, 'name', name, 'publicKey', public_key, 'role', role, 'revokedAt', revoked_at,
    'enrolledAt', enrolled_at, 'scope', scope) order by enrolled_at), '[]'::jsonb) from sync.nodes where ${where})`;

export const nodesWithIds = (nodeIds: string[]) => nodesJson(sql`node_id = any(${nodeIds}::uuid[])`);

const nodeFromJson = (node: NodeJson): RegisteredNode => ({
  ...node,
  revokedAt: node.revokedAt === null ? null : new Date(node.revokedAt),
  enrolledAt: new Date(node.enrolledAt),
});

/** Nodes as `nodesWithIds` answers them, by id. */
export const nodesById = (nodes: NodeJson[]) => new Map(nodes.map((node) => [node.nodeId, nodeFromJson(node)]));

const readNodes = async (db: Db, nodes: RawBuilder<NodeJson[]>) =>
  (await sql<{ nodes: NodeJson[] }>`select ${nodes} as nodes`.execute(db)).rows[0]?.nodes ?? [];

/** The replicated registry of enrolled nodes, and the one-time enrollment codes (hub only). */
export const registry = {
  async find(db: Db, nodeId: string): Promise<RegisteredNode | undefined> {
    return (await registry.findMany(db, [nodeId])).get(nodeId);
  },

  /** The registered nodes among `nodeIds`, by id, read in one statement. */
  async findMany(db: Db, nodeIds: string[]): Promise<Map<string, RegisteredNode>> {
    if (nodeIds.length === 0) return new Map();
    return nodesById(await readNodes(db, nodesWithIds(nodeIds)));
  },

  async list(db: Db): Promise<RegisteredNode[]> {
    return (await readNodes(db, nodesJson(sql`true`))).map(nodeFromJson);
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
