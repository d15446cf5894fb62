import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';

export interface LiveEvent {
  id: string;
  topic: string;
  payload: unknown;
  at: string;
}

/** Carries committed events to every hub instance: in-process alone, Redis pub/sub when scaled out. */
export interface EventBus {
  publish(event: LiveEvent): Promise<void>;
  subscribe(handler: (event: LiveEvent) => void): () => void;
  close(): Promise<void>;
}

export class LocalEventBus implements EventBus {
  readonly #emitter = new EventEmitter().setMaxListeners(0);

  async publish(event: LiveEvent) {
    this.#emitter.emit('event', event);
  }

  subscribe(handler: (event: LiveEvent) => void) {
    this.#emitter.on('event', handler);
    return () => void this.#emitter.off('event', handler);
  }

  async close() {
    this.#emitter.removeAllListeners();
  }
}

const CHANNEL = 'kontor:events';
const REMEMBERED_IDS = 10_000;

export class RedisEventBus implements EventBus {
  readonly #local = new LocalEventBus();
  readonly #seen = new Set<string>();

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
  ) {}

  static async connect(url: string, onError: (error: Error) => void): Promise<RedisEventBus> {
    const options = { lazyConnect: true, maxRetriesPerRequest: 3 };
    const bus = new RedisEventBus(new Redis(url, options), new Redis(url, options));
    for (const client of [bus.publisher, bus.subscriber]) {
      client.on('error', onError);
      await client.connect();
    }
    bus.subscriber.on('message', (_channel: string, message: string) => bus.#deliver(JSON.parse(message) as LiveEvent));
    await bus.subscriber.subscribe(CHANNEL);
    return bus;
  }

  // Outbox delivery is at-least-once; the id makes a repeated event harmless for subscribers.
  #deliver(event: LiveEvent) {
    if (this.#seen.has(event.id)) return;
    this.#seen.add(event.id);
    if (this.#seen.size > REMEMBERED_IDS) this.#seen.delete(this.#seen.values().next().value as string);
    void this.#local.publish(event);
  }

  async publish(event: LiveEvent) {
    await this.publisher.publish(CHANNEL, JSON.stringify(event));
  }

  subscribe(handler: (event: LiveEvent) => void) {
    return this.#local.subscribe(handler);
  }

  async ping(): Promise<boolean> {
    return (await this.publisher.ping()) === 'PONG';
  }

  async close() {
    await this.#local.close();
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }
}
