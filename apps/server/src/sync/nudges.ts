import type { FastifyInstance, FastifyRequest, preValidationHookHandler } from 'fastify';
import type { WebSocket } from 'ws';
import { SYNC_CHANNEL } from './applier.js';
import type { Vector } from './change-log.js';
import { registry } from './registry.js';
import type { SyncService } from './service.js';
import type { WireChange } from './signing.js';

const DEBOUNCE_MS = 2;
/** More than this at once goes as a plain "changed": the nodes pull it in pages as usual. */
const STREAM_LIMIT = 200;

/** What the hub sends down `/api/sync/nudges`. */
export type NudgeMessage = { type: 'changed' } | { type: 'changes'; changes: WireChange[] };

/**
 * WebSocket `/api/sync/nudges`: enrolled nodes that keep it open receive what any commit adds to this node's
 * change log moments after it commits, as the signed changes themselves (within each node's scope), so a
 * workstation applies a hub change without a pull round trip. The changes are read once per commit for every
 * socket; a node whose copy has a gap before them holds them and pulls, exactly as for a pulled page.
 */
export async function registerNudges(
  app: FastifyInstance,
  sync: SyncService,
  verifyPeer: preValidationHookHandler,
  reason: string,
) {
  const { platform } = sync;
  const sockets = new Map<WebSocket, string>();
  /** What the sockets have been sent up to; unset while none is open. */
  let streamed: Vector | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const send = (socket: WebSocket, message: string) => {
    if (socket.readyState === socket.OPEN) socket.send(message);
  };

  async function stream() {
    if (sockets.size === 0 || !streamed) return;
    const { changes, more } = await sync.changesBeyond(streamed, STREAM_LIMIT);
    if (changes.length === 0) return;
    const next = { ...streamed };
    for (const change of changes) next[change.origin] = Math.max(next[change.origin] ?? 0, change.seq);
    streamed = next;
    if (more) {
      for (const socket of sockets.keys()) send(socket, JSON.stringify({ type: 'changed' } satisfies NudgeMessage));
      return;
    }
    // Read per commit, not per connection: a scope changed or a node revoked since it connected counts now.
    const nodes = new Map((await registry.list(platform.db)).map((node) => [node.nodeId, node]));
    const byScope = new Map<string, string>();
    for (const [socket, nodeId] of sockets) {
      const node = nodes.get(nodeId);
      if (!node || node.revokedAt) {
        socket.close(4403, 'node revoked');
        continue;
      }
      const scopeKey = JSON.stringify(node.scope);
      let message = byScope.get(scopeKey);
      if (message === undefined) {
        const scoped = changes.map((change) => sync.withinScope(change, node.scope));
        message = JSON.stringify({ type: 'changes', changes: scoped } satisfies NudgeMessage);
        byScope.set(scopeKey, message);
      }
      send(socket, message);
    }
  }

  /** One stream at a time; a commit during one streams again after it, so none is missed. */
  function streamNow() {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await stream();
        } while (again);
      } catch (error) {
        platform.logger.warn({ err: error }, 'could not stream changes to connected nodes; they will pull');
        for (const socket of sockets.keys()) send(socket, JSON.stringify({ type: 'changed' } satisfies NudgeMessage));
      } finally {
        running = undefined;
      }
    })();
  }

  const stopListening = await platform.database.listen(SYNC_CHANNEL, () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      streamNow();
    }, DEBOUNCE_MS);
  });
  app.addHook('preClose', async () => {
    clearTimeout(timer);
    for (const socket of sockets.keys()) socket.close(1001, 'node shutting down');
    await stopListening();
    await running;
  });
  app.get(
    '/api/sync/nudges',
    { websocket: true, config: { access: { public: reason } }, preValidation: verifyPeer, schema: { hide: true } },
    async (socket, request: FastifyRequest) => {
      const nodeId = request.syncPeer?.nodeId;
      if (!nodeId) {
        socket.close(4401, 'not a signed node request');
        return;
      }
      // The node pulls when the socket opens: what was committed before now reaches it that way.
      if (sockets.size === 0) streamed = undefined;
      sockets.set(socket, nodeId);
      socket.on('close', () => sockets.delete(socket));
      streamed ??= await sync.vector();
    },
  );
}
