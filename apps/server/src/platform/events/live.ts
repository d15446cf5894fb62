import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { type Actor, hasPermission } from '../context.js';
import { AppError } from '../http/errors.js';
import type { EventBus, LiveEvent } from './bus.js';

/** Which permission lets a browser hear a topic; a topic also covers its sub-topics (`desk` → `desk.incident`). */
export class TopicCatalog {
  readonly #topics = new Map<string, string>();
  readonly #personal = new Set<string>();

  define(topic: string, permission: string) {
    this.#topics.set(topic, permission);
  }

  /**
   * A topic whose events are each for one user, named by `payload.userId` (their notifications): every signed-in
   * user may subscribe, and each hears only the events addressed to them.
   */
  definePersonal(topic: string) {
    this.#personal.add(topic);
  }

  permissionFor(topic: string): string | undefined {
    for (const name of withParents(topic)) {
      const permission = this.#topics.get(name);
      if (permission) return permission;
    }
    return undefined;
  }

  isPersonal(topic: string): boolean {
    return withParents(topic).some((name) => this.#personal.has(name));
  }

  /** Whether `actor` may hear `event`: a personal event only by the user it names, any other by subscription. */
  mayHear(actor: Actor | null, event: LiveEvent): boolean {
    if (!this.isPersonal(event.topic)) return true;
    const recipient = (event.payload as { userId?: unknown } | null)?.userId;
    return Boolean(actor?.userId) && recipient === actor?.userId;
  }

  maySubscribe(actor: Actor | null, topic: string): boolean {
    if (this.isPersonal(topic)) return Boolean(actor?.userId);
    const permission = this.permissionFor(topic);
    return Boolean(permission && hasPermission(actor, permission));
  }
}

/** `desk.incident` → ['desk.incident', 'desk']: a topic and the topics that cover it. */
function withParents(topic: string): string[] {
  const names: string[] = [];
  for (let name = topic; name; name = name.slice(0, Math.max(0, name.lastIndexOf('.')))) names.push(name);
  return names;
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
        send: (event: LiveEvent) =>
          matches(subscribed, event.topic) && topics.mayHear(actor, event) && reply({ type: 'event', ...event }),
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
          if (topics.maySubscribe(actor, topic)) allowed.push(topic);
          else denied.push(topic);
        }
        for (const topic of allowed) subscribed.add(topic);
        reply({ type: 'subscribed', topics: allowed, denied });
      });
    },
  );
}
