import {
  type BundleRefusalReason,
  bundleImportOutcome,
  enrollment,
  idParams,
  nodeScope,
  nodeVector,
  syncNode,
  syncStatus,
} from '@kontor/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, badRequest } from '../platform/http/errors.js';
import { SyncRefusal } from './applier.js';
import { BundleRefusal, exportBundle, exportSnapshotBundle, importBundle } from './bundle.js';
import { changeLog } from './change-log.js';
import { staleOrigin } from './compaction.js';
import { verifyNodeRequest } from './node-auth.js';
import { registerNudges } from './nudges.js';
import { type RegisteredNode, registry } from './registry.js';
import type { SyncService } from './service.js';
import { signBytes } from './signing.js';

const wireChange = z.strictObject({
  origin: z.uuid(),
  seq: z.number().int().positive(),
  hlc: z.string().max(60),
  tx: z.number().int().nonnegative(),
  table: z.string().max(120),
  key: z.record(z.string(), z.unknown()),
  op: z.enum(['upsert', 'delete']),
  data: z.record(z.string(), z.unknown()).nullable(),
  schemaVersion: z.number().int().nonnegative(),
  signature: z.string().max(200),
  rejected: z.string().max(500).optional(),
  filtered: z.literal(true).optional(),
});
const vector = z.record(z.uuid(), z.number().int().nonnegative());
const hello = z.strictObject({
  protocol: z.number().int(),
  schemaVersion: z.number().int().nonnegative(),
  nodeId: z.uuid(),
  role: z.enum(['hub', 'client']),
  clusterId: z.uuid().nullable(),
  epoch: z.number().int().nullable(),
  hubNodeId: z.uuid().nullable(),
  hubUrl: z.string().max(2000).nullable(),
});
/** A push carries a page of changes (up to 5,000); larger than an ordinary API body. */
const PUSH_LIMIT = 64 * 1024 * 1024;
/** Bundles carry whole change logs; they are larger than any API body. */
const BUNDLE_LIMIT = 256 * 1024 * 1024;
const NODE_SIGNED = 'node-to-node sync: each request carries an enrolled node’s Ed25519 signature, verified before use';
const admin = { access: { permission: 'admin.sync' } } as const;
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function parseVector(text: string): Record<string, number> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const parsed = vector.safeParse(value);
  if (!parsed.success) {
    throw badRequest('sync.bad_vector', 'since must be a JSON object of node id to sequence number', [
      { path: 'querystring.since', message: 'not a version vector' },
    ]);
  }
  return parsed.data;
}

export const syncRoutes: FastifyPluginAsyncZod<{ sync: SyncService }> = async (app, { sync }) => {
  const { platform } = sync;
  // Node signatures cover the exact bytes sent, so this scope keeps the raw body beside the parsed one.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    request.rawBody = body as string;
    try {
      done(null, body === '' ? undefined : JSON.parse(body as string));
    } catch (error) {
      done(Object.assign(error as Error, { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }), undefined);
    }
  });
  // Node-signed routes check the signature before the body is validated: a stranger learns nothing of the API.
  const nodeSigned = {
    access: { public: NODE_SIGNED },
  } as const;
  const verifyPeer = async (request: FastifyRequest) => {
    request.syncPeer = await verifyNodeRequest(platform.db, request, platform.config.syncMaxDriftMs);
  };
  const peerOf = (request: FastifyRequest): RegisteredNode => {
    if (!request.syncPeer) throw new AppError(401, 'sync.unsigned', 'This route is for enrolled nodes');
    return request.syncPeer;
  };
  const refusalToProblem = (error: unknown): never => {
    if (error instanceof SyncRefusal) throw new AppError(400, 'sync.refused', error.message);
    throw error;
  };

  await registerNudges(app, sync, verifyPeer, NODE_SIGNED);

  app.addContentTypeParser(
    ['application/gzip', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: BUNDLE_LIMIT },
    (_request, body, done) => done(null, body),
  );
  // What this node's state forbids is a conflict; everything else is wrong with the file itself.
  const nodeStateRefusals = new Set<BundleRefusalReason>(['node_has_data', 'not_joined', 'snapshot_needs_hub']);
  const bundleProblem = (error: unknown): never => {
    if (error instanceof BundleRefusal) {
      const status = nodeStateRefusals.has(error.reason) ? 409 : 422;
      throw new AppError(status, `sync.bundle_${error.reason}`, `The bundle was refused: ${error.message}`);
    }
    throw error;
  };

  app.get(
    '/api/sync/bundle',
    {
      config: admin,
      schema: {
        tags: ['sync'],
        summary:
          'Exports the changes this node holds beyond `since` (a vector as JSON), or with `full=1` the hub’s full ' +
          'snapshot, as a signed gzip bundle',
        querystring: z.strictObject({ since: z.string().max(100_000).optional(), full: z.stringbool().optional() }),
      },
    },
    async (request, reply) => {
      const { since, full } = request.query;
      if (full && since !== undefined) {
        throw badRequest('sync.bad_bundle_options', 'a full snapshot holds everything: give either full or since', [
          { path: 'querystring.since', message: 'not allowed with full' },
        ]);
      }
      const file = await (full
        ? exportSnapshotBundle(sync, request.ctx)
        : exportBundle(sync, request.ctx, since ? parseVector(since) : {})
      ).catch(bundleProblem);
      const kind = full ? 'snapshot-' : '';
      const name = `kontor-${kind}${sync.identity.nodeId.slice(0, 8)}-${new Date().toISOString().slice(0, 10)}.kbundle`;
      return reply.type('application/gzip').header('content-disposition', `attachment; filename="${name}"`).send(file);
    },
  );

  app.post(
    '/api/sync/bundle',
    {
      config: admin,
      schema: {
        tags: ['sync'],
        summary:
          'Imports a bundle (application/gzip): changes are merged, a hub’s snapshot sets up a node that holds ' +
          'nothing yet; refused whole when it is damaged, forged, foreign or from a revoked node',
        response: { 200: bundleImportOutcome },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body))
        throw new AppError(415, 'unsupported_media_type', 'Send the bundle file as application/gzip');
      return importBundle(sync, request.ctx, request.body).catch(bundleProblem);
    },
  );

  app.get(
    '/api/sync/vector',
    {
      config: admin,
      schema: {
        tags: ['sync'],
        summary: 'What this node holds (its version vector), for exporting only what it lacks from another node',
        response: { 200: nodeVector },
      },
    },
    async () => ({ nodeId: sync.identity.nodeId, vector: await sync.vector() }),
  );

  app.get(
    '/api/sync/status',
    {
      config: { access: { authenticated: true } },
      schema: { tags: ['sync'], summary: "This node's replication state", response: { 200: syncStatus } },
    },
    async () => sync.status(),
  );

  app.post(
    '/api/sync/enrollments',
    {
      config: admin,
      schema: {
        tags: ['sync'],
        summary: 'A one-time code that enrolls a new node (valid 24 h), optionally limited to a scope',
        body: z.strictObject({ scope: nodeScope.optional() }).nullish(),
        response: { 201: enrollment },
      },
    },
    async (request, reply) => reply.code(201).send(await sync.nodes.createEnrollment(request.ctx, request.body?.scope)),
  );

  app.get(
    '/api/sync/nodes',
    { config: admin, schema: { tags: ['sync'], summary: 'Enrolled nodes', response: { 200: z.array(syncNode) } } },
    async () =>
      (await registry.list(platform.db)).map((node) => ({
        nodeId: node.nodeId,
        name: node.name,
        role: node.role,
        enrolledAt: node.enrolledAt.toISOString(),
        revokedAt: node.revokedAt?.toISOString() ?? null,
        scope: node.scope,
      })),
  );

  app.put(
    '/api/sync/nodes/:id/scope',
    {
      config: admin,
      schema: {
        tags: ['sync'],
        summary: 'Limits a node to some rows (e.g. {"units": ["…"]}); {} gives it every row',
        params: idParams,
        body: z.strictObject({ scope: nodeScope }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await sync.nodes.setScope(request.ctx, request.params.id, request.body.scope);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/sync/nodes/:id/revoke',
    {
      config: admin,
      schema: {
        tags: ['sync'],
        summary: 'Revokes a node: its new changes are refused everywhere',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await sync.nodes.revoke(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  const firstRun = z.object({ role: z.enum(['server', 'client']), enrolled: z.boolean(), ready: z.boolean() });
  const firstRunState = async () => {
    const cluster = await changeLog.cluster(platform.db);
    return { role: platform.node.role, enrolled: Boolean(cluster), ready: Boolean(cluster?.bootstrapped) };
  };
  app.get(
    '/api/sync/first-run',
    {
      config: {
        access: { public: 'a workstation not yet enrolled has no users to sign in; the answer names no data' },
      },
      schema: { tags: ['sync'], summary: 'Whether this node still waits to be enrolled', response: { 200: firstRun } },
    },
    firstRunState,
  );
  app.post(
    '/api/sync/first-run',
    {
      config: {
        access: {
          public: 'enrolls a workstation that has no users yet; accepted only once, from the workstation itself',
        },
        rateLimit: { max: platform.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['sync'],
        summary: 'Enrolls this workstation with a hub, from its own first-run page',
        body: z.strictObject({
          hubUrl: z.url({ protocol: /^https?$/, error: 'expected a URL such as https://hub.example.org' }),
          code: z.string().trim().min(6).max(64),
        }),
        response: { 202: firstRun },
      },
    },
    async (request, reply) => {
      if (!LOOPBACK.has(request.ip))
        throw new AppError(403, 'sync.first_run_remote', 'A workstation is enrolled from its own screen only');
      if (sync.isHub) throw new AppError(409, 'sync.is_hub', 'This node is a hub; it enrolls others');
      await sync.joinCluster(request.body.hubUrl.replace(/\/$/, ''), request.body.code.toUpperCase());
      return reply.code(202).send(await firstRunState());
    },
  );

  app.post(
    '/api/sync/enroll',
    {
      config: {
        access: { public: 'a new node has no credentials yet; the one-time enrollment code is its credential' },
        rateLimit: { max: platform.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['sync'],
        summary: 'Enrolls a node with a one-time code',
        body: z.strictObject({
          code: z.string().min(6).max(64),
          nodeId: z.uuid(),
          name: z.string().min(1).max(100),
          publicKey: z.string().min(40).max(400),
        }),
        response: {
          200: z.object({
            clusterId: z.uuid(),
            epoch: z.number().int(),
            hubNodeId: z.uuid(),
            hubPublicKey: z.string(),
          }),
        },
      },
    },
    async (request) => sync.nodes.enroll(request.body),
  );

  app.post(
    '/api/sync/hello',
    {
      config: nodeSigned,
      preValidation: verifyPeer,
      schema: {
        tags: ['sync'],
        summary: 'What two nodes tell each other first: protocol, schema version, cluster, epoch and hub (signed)',
        body: hello,
      },
    },
    async (request, reply) => {
      peerOf(request);
      const mine = await sync.hello();
      if (request.body.clusterId && mine.clusterId && request.body.clusterId !== mine.clusterId)
        throw new AppError(409, 'sync.foreign_cluster', `This node belongs to cluster ${mine.clusterId}`);
      const body = JSON.stringify(mine);
      return reply
        .type('application/json')
        .header('x-kontor-signature', signBytes(sync.identity.privateKey, Buffer.from(body, 'utf8')))
        .send(body);
    },
  );

  app.post(
    '/api/sync/promote',
    {
      config: admin,
      schema: {
        tags: ['sync'],
        summary: 'Makes this node the hub now, raising the epoch; the other nodes follow as they hear of it',
        response: { 200: syncStatus },
      },
    },
    async (request) => {
      await sync.promote(request.ctx);
      return sync.status();
    },
  );

  app.put(
    '/api/sync/upstream',
    {
      config: admin,
      schema: {
        tags: ['sync'],
        summary: 'Points this client node at another address of its hub',
        body: z.strictObject({
          url: z.url({ protocol: /^https?$/, error: 'expected a URL such as https://hub.example.org' }),
        }),
        response: { 200: syncStatus },
      },
    },
    async (request) => {
      await sync.setUpstream(request.ctx, request.body.url);
      return sync.status();
    },
  );

  app.post(
    '/api/sync/pull',
    {
      config: nodeSigned,
      preValidation: verifyPeer,
      schema: {
        tags: ['sync'],
        summary:
          'Changes this node holds beyond the caller’s vector, and which of the caller’s own changes after ' +
          '`rejectedAfter` this node refused (with the reason)',
        body: z.strictObject({
          vector,
          limit: z.number().int().min(1).max(5000).default(500),
          rejectedAfter: z.number().int().nonnegative().optional(),
        }),
        response: {
          200: z.object({
            changes: z.array(wireChange),
            more: z.boolean(),
            vector,
            rejections: z.array(z.object({ seq: z.number().int(), reason: z.string() })),
          }),
        },
      },
    },
    async (request) => {
      const peer = peerOf(request);
      const { vector: theirs, limit, rejectedAfter } = request.body;
      const stale = await staleOrigin(platform.db, theirs);
      if (stale) {
        throw new AppError(
          409,
          'sync.reset_required',
          `This node no longer keeps the changes of ${stale} that the caller lacks; it must load a fresh snapshot`,
        );
      }
      // Read first: every refusal of a seq it covers is committed, so the caller may take it as heard up to there.
      const vector = await sync.vector();
      const { changes, more } = await sync.changesBeyond(theirs, limit, peer.scope);
      await sync.recordPeer(peer.nodeId, theirs);
      const rejections = rejectedAfter === undefined ? [] : await sync.rejectionsOf(peer.nodeId, rejectedAfter);
      return { changes, more, vector, rejections };
    },
  );

  app.post(
    '/api/sync/push',
    {
      bodyLimit: PUSH_LIMIT,
      config: nodeSigned,
      preValidation: verifyPeer,
      schema: {
        tags: ['sync'],
        summary: 'Changes from the caller; answers this node’s vector after applying them',
        body: z.strictObject({ changes: z.array(wireChange).max(5000) }),
        response: {
          200: z.object({
            vector,
            outcome: z.object({
              applied: z.number(),
              rejected: z.number(),
              duplicates: z.number(),
              waiting: z.number(),
            }),
          }),
        },
      },
    },
    async (request) => {
      const peer = peerOf(request);
      const outcome = await sync.receive(peer, request.body.changes).catch(refusalToProblem);
      return { vector: await sync.vector(), outcome };
    },
  );

  app.get(
    '/api/sync/snapshot',
    {
      config: nodeSigned,
      preValidation: verifyPeer,
      schema: {
        tags: ['sync'],
        summary: 'Every replicated row and the vector they correspond to (signed by this node)',
      },
    },
    async (request, reply) => {
      const body = await sync.snapshots.json(peerOf(request).scope);
      return reply
        .type('application/json')
        .header('x-kontor-signature', signBytes(sync.identity.privateKey, Buffer.from(body, 'utf8')))
        .send(body);
    },
  );
};
