import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { hasPermission } from '../context.js';
import { AppError } from '../http/errors.js';
import type { EventBus, LiveEvent } from './bus.js';

/** Which permission lets a browser hear a topic; a topic also covers its sub-topics (`desk` → `desk.incident`). */
export class TopicCatalog {
  readonly #topics = new Map<string, string>();

  define(topic: string, permission: string) {
    this.#topics.set(topic, permission);
  }

  permissionFor(topic: string): string | undefined {
    for (let name = topic; name; name = name.slice(0, Math.max(0, name.lastIndexOf('.')))) {
      const permission = this.#topics.get(name);
      if (permission) return permission;
    }
    return undefined;
  }
}

const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), topics: z.array(z.string().min(1).max(200)).max(50) }),
  z.object({ type: z.literal('unsubscribe'), topics: z.array(z.string().min(1).max(200)).max(50) }),
]);

const HEARTBEAT_MS = 30_000;

function matches(subscribed: Set<string>, topic: string) {
  for (const name of subscribed) if (topic === name || topic.startsWith(`${name}.`)) return true;
  return false;
}

/**
 * WebSocket `/api/events`: a signed-in browser subscribes to the topics its permissions allow and
 * receives each committed event on them. Protocol in docs/live-events.md.
 */
export function registerLiveEvents(app: FastifyInstance, bus: EventBus, topics: TopicCatalog) {
  const sockets = new Set<{ socket: WebSocket; send: (event: LiveEvent) => void }>();
  const unsubscribe = bus.subscribe((event) => {
    for (const entry of sockets) entry.send(event);
  });
  // A refused upgrade leaves its socket open (it never became a WebSocket), holding the server open.
  app.addHook('onResponse', async (request, reply) => {
    if (request.headers.upgrade?.toLowerCase() === 'websocket' && reply.statusCode >= 400) request.raw.socket.destroy();
  });
  app.addHook('preClose', async () => {
    unsubscribe();
    for (const { socket } of sockets) socket.close(1001, 'server shutting down');
  });

  app.get(
    '/api/events',
    {
      websocket: true,
      config: { access: { authenticated: true } },
      schema: { hide: true },
      // A browser sends its cookie to any origin that opens a socket here, so only our own pages may.
      preValidation: async (request) => {
        const origin = request.headers.origin;
        if (origin && new URL(origin).host !== request.headers.host) {
          throw new AppError(403, 'origin_refused', `WebSocket connections from ${origin} are not allowed`);
        }
      },
    },
    (socket, request) => {
      const actor = request.ctx.actor;
      const subscribed = new Set<string>();
      const reply = (message: unknown) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
      };
      const entry = {
        socket,
        send: (event: LiveEvent) => matches(subscribed, event.topic) && reply({ type: 'event', ...event }),
      };
      sockets.add(entry);
      let alive = true;
      socket.on('pong', () => {
        alive = true;
      });
      const heartbeat = setInterval(() => {
        if (!alive) return socket.terminate();
        alive = false;
        socket.ping();
      }, HEARTBEAT_MS);
      socket.on('close', () => {
        clearInterval(heartbeat);
        sockets.delete(entry);
      });
      socket.on('message', (raw) => {
        let parsed: z.infer<typeof clientMessage>;
        try {
          parsed = clientMessage.parse(JSON.parse(String(raw)));
        } catch {
          return reply({ type: 'error', message: 'expected {"type":"subscribe"|"unsubscribe","topics":[...]}' });
        }
        if (parsed.type === 'unsubscribe') {
          for (const topic of parsed.topics) subscribed.delete(topic);
          return reply({ type: 'unsubscribed', topics: parsed.topics });
        }
        const allowed: string[] = [];
        const denied: string[] = [];
        for (const topic of parsed.topics) {
          const permission = topics.permissionFor(topic);
          if (permission && hasPermission(actor, permission)) allowed.push(topic);
          else denied.push(topic);
        }
        for (const topic of allowed) subscribed.add(topic);
        reply({ type: 'subscribed', topics: allowed, denied });
      });
    },
  );
}
