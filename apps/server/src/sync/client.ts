import { hostname } from 'node:os';
import type { Logger } from 'pino';
import WebSocket from 'ws';
import { changeLog } from './change-log.js';
import { nodeRequestHeaders } from './node-auth.js';
import { publicKeyObject } from './node-identity.js';
import type { Snapshot, SyncService } from './service.js';
import { bytesSignatureValid, type WireChange } from './signing.js';

const PAGE = 2_000;
const MAX_BACKOFF_MS = 30_000;
const REQUEST_TIMEOUT_MS = 15_000;

export class HubError extends Error {
  override name = 'HubError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * A client node's side of sync: enroll once, load the hub's snapshot once, then push own changes and pull the
 * hub's for as long as the node runs. An unreachable hub is retried with exponential backoff and jitter,
 * forever; each attempt starts from what the database holds, so waiting costs no memory.
 */
export class SyncClient {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = true;
  #failures = 0;
  #again = false;
  #nudges: WebSocket | undefined;

  constructor(
    private readonly sync: SyncService,
    private readonly hubUrl: string,
    private readonly logger: Logger,
  ) {}

  start() {
    this.#stopped = false;
    this.#schedule(0);
  }

  async stop() {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#nudges?.close();
    await this.#running?.catch(() => undefined);
  }

  /** Syncs now; a call during a round runs one more round after it, so no nudge is lost. */
  async syncNow(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          await this.#round();
        } while (this.#again && !this.#stopped);
      } finally {
        this.#running = undefined;
      }
    })();
    return this.#running;
  }

  #nudged() {
    this.syncNow().catch((error: unknown) => {
      this.sync.lastError = (error as Error).message;
    });
  }

  /** Keeps a WebSocket to the hub open; each message from it means "I have new changes". */
  #listenForNudges() {
    if (this.#nudges || this.#stopped) return;
    const url = new URL('/api/sync/nudges', this.hubUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url, { headers: nodeRequestHeaders(this.sync.identity, 'GET', url.pathname, '') });
    this.#nudges = socket;
    // Whatever the hub committed between our last pull and this socket opening would otherwise wait a round.
    socket.on('open', () => this.#nudged());
    socket.on('message', () => this.#nudged());
    socket.on('error', () => undefined); // 'close' follows; the next successful round reconnects
    socket.on('close', () => {
      if (this.#nudges === socket) this.#nudges = undefined;
    });
  }

  #schedule(delayMs: number) {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(async () => {
      try {
        await this.syncNow();
        this.#failures = 0;
        this.sync.lastError = null;
      } catch (error) {
        this.#failures += 1;
        this.sync.lastError = (error as Error).message;
        this.logger.warn({ err: error, failures: this.#failures }, 'sync with the hub failed; will retry');
      }
      this.#schedule(this.#failures === 0 ? this.sync.platform.config.syncIntervalMs : this.#backoff());
    }, delayMs);
    this.#timer.unref();
  }

  #backoff(): number {
    const ceiling = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(this.#failures, 10));
    return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  }

  async #round() {
    const { db } = this.sync.platform;
    let cluster = await changeLog.cluster(db);
    if (!cluster) {
      await this.#enroll();
      cluster = await changeLog.cluster(db);
    }
    if (cluster && !cluster.bootstrapped) await this.sync.loadSnapshot(await this.#snapshot());
    // Pull first: its answer tells which of our own changes the hub already holds, so a restart resends none.
    await this.#pull();
    await this.#push();
    await changeLog.markSynced(db);
    this.#listenForNudges();
  }

  async #enroll() {
    const code = this.sync.platform.config.enrollCode;
    if (!code) throw new HubError('this client is not enrolled: start it once with --enroll <code from the hub>');
    const { identity } = this.sync;
    const answer = await this.#call<{ clusterId: string; epoch: number; hubNodeId: string; hubPublicKey: string }>(
      'POST',
      '/api/sync/enroll',
      {
        code,
        nodeId: identity.nodeId,
        name: this.sync.platform.config.nodeName ?? hostname(),
        publicKey: identity.publicKey,
      },
      false,
    );
    await this.sync.platform.transaction(async (trx) => {
      await changeLog.setCluster(trx, {
        clusterId: answer.clusterId,
        epoch: answer.epoch,
        hubNodeId: answer.hubNodeId,
        hubUrl: this.hubUrl,
      });
      await this.sync.trustHub(trx, answer.hubNodeId, answer.hubPublicKey);
    });
    this.logger.info({ hub: this.hubUrl, clusterId: answer.clusterId }, 'enrolled with the hub');
  }

  async #snapshot(): Promise<Snapshot> {
    const { body, signature } = await this.#fetch('GET', '/api/sync/snapshot', undefined, true);
    const cluster = await changeLog.cluster(this.sync.platform.db);
    const hubKey = cluster && (await this.sync.publicKeyOf(cluster.hub_node_id));
    if (!hubKey || !signature || !bytesSignatureValid(publicKeyObject(hubKey), Buffer.from(body, 'utf8'), signature)) {
      throw new HubError('the snapshot is not signed by the hub this node enrolled with; refusing it');
    }
    return JSON.parse(body) as Snapshot;
  }

  async #push() {
    const { db } = this.sync.platform;
    const own = this.sync.identity.nodeId;
    for (;;) {
      const { changes } = await this.sync.changesBeyond(
        { ...(await changeLog.vector(db)), [own]: this.sync.confirmedSeq },
        PAGE,
      );
      const mine = changes.filter((change) => change.origin === own);
      if (mine.length === 0) return;
      const answer = await this.#call<{ vector: Record<string, number> }>('POST', '/api/sync/push', { changes: mine });
      this.sync.confirmedSeq = answer.vector[own] ?? this.sync.confirmedSeq;
      if (mine.length < PAGE) return;
    }
  }

  async #pull() {
    for (;;) {
      const vector = await changeLog.vector(this.sync.platform.db);
      const answer = await this.#call<{ changes: WireChange[]; more: boolean; vector: Record<string, number> }>(
        'POST',
        '/api/sync/pull',
        {
          vector,
          limit: PAGE,
        },
      );
      this.sync.confirmedSeq = answer.vector[this.sync.identity.nodeId] ?? this.sync.confirmedSeq;
      await this.sync.receive(null, answer.changes);
      if (!answer.more) return;
    }
  }

  async #call<T>(method: string, path: string, payload?: unknown, signed = true): Promise<T> {
    return JSON.parse((await this.#fetch(method, path, payload, signed)).body) as T;
  }

  async #fetch(method: string, path: string, payload: unknown, signed: boolean) {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const headers: Record<string, string> = payload === undefined ? {} : { 'content-type': 'application/json' };
    if (signed) Object.assign(headers, nodeRequestHeaders(this.sync.identity, method, path, body));
    let response: Response;
    try {
      response = await fetch(new URL(path, this.hubUrl), {
        method,
        headers,
        body: payload === undefined ? undefined : body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause?.message;
      throw new HubError(
        `the hub at ${this.hubUrl} cannot be reached: ${(error as Error).message}${cause ? ` (${cause})` : ''}`,
      );
    }
    const text = await response.text();
    if (!response.ok) {
      const detail = (() => {
        try {
          return (JSON.parse(text) as { detail?: string }).detail ?? text;
        } catch {
          return text;
        }
      })();
      throw new HubError(`the hub refused ${method} ${path} (${response.status}): ${detail}`, response.status);
    }
    return { body: text, signature: response.headers.get('x-kontor-signature') };
  }
}
