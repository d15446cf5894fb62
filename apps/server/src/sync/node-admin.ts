import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../platform/context.js';
import { AppError } from '../platform/http/errors.js';
import type { Db } from '../platform/platform.js';
import { changeLog } from './change-log.js';
import { registry } from './registry.js';
import type { NodeScope } from './replicated-tables.js';
import type { SyncService } from './service.js';
import { sha256Hex } from './signing.js';

const ENROLLMENT_TTL_MS = 24 * 3_600_000;

/** The hub's side of the node registry: one-time enrollment codes, enrolling a node, its scope, revoking it. */
export class NodeAdmin {
  constructor(private readonly sync: SyncService) {}

  /** A one-time code; the node that uses it gets `scope` (e.g. the units whose orders it may hold). */
  async createEnrollment(ctx: RequestContext, scope: NodeScope = {}): Promise<{ code: string; expiresAt: string }> {
    if (!this.sync.isHub) throw new AppError(409, 'sync.not_hub', 'Nodes are enrolled on the hub');
    const code = randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase();
    const expiresAt = new Date(Date.now() + ENROLLMENT_TTL_MS);
    await this.sync.platform.transaction(async (trx) => {
      await registry.addEnrollment(trx, sha256Hex(code), ctx.actor?.userId ?? null, expiresAt, scope);
      await this.sync.platform.audit.record(trx, ctx, {
        action: 'node.enrollment',
        entity: 'node',
        after: { expiresAt: expiresAt.toISOString(), scope },
      });
    });
    return { code, expiresAt: expiresAt.toISOString() };
  }

  /** Registers a new node that presents a valid one-time code; answers what it needs to trust this hub. */
  async enroll(request: { code: string; nodeId: string; name: string; publicKey: string }) {
    if (!this.sync.isHub) throw new AppError(409, 'sync.not_hub', 'Nodes are enrolled on the hub');
    const cluster = await changeLog.cluster(this.sync.platform.db);
    if (!cluster) throw new AppError(503, 'sync.not_ready', 'This hub has no cluster yet');
    await this.sync.platform.transaction(async (trx) => {
      const scope = await registry.consumeEnrollment(trx, sha256Hex(request.code.trim().toUpperCase()), request.nodeId);
      if (!scope) throw new AppError(403, 'sync.invalid_enrollment', 'The enrollment code is unknown, used or expired');
      if (await registry.find(trx, request.nodeId))
        throw new AppError(409, 'sync.already_enrolled', `Node ${request.nodeId} is enrolled`);
      await registry.register(trx, {
        nodeId: request.nodeId,
        name: request.name,
        publicKey: request.publicKey,
        role: 'client',
        scope,
      });
      await this.sync.platform.audit.record(
        trx,
        { actor: null, requestId: `enroll-${request.nodeId}`, locale: 'en' },
        {
          action: 'node.enroll',
          entity: 'node',
          entityId: request.nodeId,
          after: { name: request.name, scope },
        },
      );
    });
    return {
      clusterId: cluster.cluster_id,
      epoch: cluster.epoch,
      hubNodeId: this.sync.identity.nodeId,
      hubPublicKey: this.sync.identity.publicKey,
    };
  }

  /**
   * Limits a node to some rows from now on. Rows it holds from before stay; a node given a wider scope gets the
   * rows it lacked by loading a fresh snapshot (re-enrollment or a snapshot bundle).
   */
  async setScope(ctx: RequestContext, nodeId: string, scope: NodeScope) {
    if (!this.sync.isHub) throw new AppError(409, 'sync.not_hub', 'Scopes are set on the hub');
    await this.sync.platform.transaction(async (trx) => {
      const node = await registry.find(trx, nodeId);
      if (!node) throw new AppError(404, 'not_found', `Node ${nodeId} was not found`);
      await registry.setScope(trx, nodeId, scope);
      await this.sync.platform.audit.record(trx, ctx, {
        action: 'node.scope',
        entity: 'node',
        entityId: nodeId,
        before: { scope: node.scope },
        after: { scope },
      });
    });
  }

  async revoke(ctx: RequestContext, nodeId: string) {
    await this.sync.platform.transaction(async (trx: Db) => {
      const node = await registry.find(trx, nodeId);
      if (!node) throw new AppError(404, 'not_found', `Node ${nodeId} was not found`);
      await registry.revoke(trx, nodeId);
      await this.sync.platform.audit.record(trx, ctx, {
        action: 'node.revoke',
        entity: 'node',
        entityId: nodeId,
        before: { name: node.name },
      });
    });
  }
}
