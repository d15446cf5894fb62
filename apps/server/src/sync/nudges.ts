import type { FastifyInstance, preValidationHookHandler } from 'fastify';
import type { WebSocket } from 'ws';
import type { Platform } from '../platform/platform.js';
import { SYNC_CHANNEL } from './applier.js';

const DEBOUNCE_MS = 5;

/**
 * WebSocket `/api/sync/nudges`: enrolled nodes that keep it open hear "changed" moments after any commit adds
 * to this node's change log, and pull at once instead of at their next interval.
 */
export async function registerNudges(
  app: FastifyInstance,
  platform: Platform,
  verifyPeer: preValidationHookHandler,
  reason: string,
) {
  const sockets = new Set<WebSocket>();
  let timer: NodeJS.Timeout | undefined;
  const stopListening = await platform.database.listen(SYNC_CHANNEL, () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      for (const socket of sockets) if (socket.readyState === socket.OPEN) socket.send('{"type":"changed"}');
    }, DEBOUNCE_MS);
  });
  app.addHook('preClose', async () => {
    clearTimeout(timer);
    for (const socket of sockets) socket.close(1001, 'node shutting down');
    await stopListening();
  });
  app.get(
    '/api/sync/nudges',
    { websocket: true, config: { access: { public: reason } }, preValidation: verifyPeer, schema: { hide: true } },
    (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    },
  );
}
