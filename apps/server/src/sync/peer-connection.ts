import { nodeRequestHeaders } from './node-auth.js';
import type { NodeIdentity } from './node-identity.js';
import { publicKeyObject } from './node-identity.js';
import type { Hello } from './service.js';
import { bytesSignatureValid, type WireChange } from './signing.js';
import type { Snapshot } from './snapshots.js';

const REQUEST_TIMEOUT_MS = 15_000;
/** A node that does not answer a hello quickly is treated as away; the list of addresses goes on. */
const HELLO_TIMEOUT_MS = 3_000;

export class PeerError extends Error {
  override name = 'PeerError';
  constructor(
    message: string,
    readonly status?: number,
    /** The problem code of the peer's refusal, e.g. `sync.reset_required`. */
    readonly code?: string,
  ) {
    super(message);
  }
}

type Page = {
  changes: WireChange[];
  more: boolean;
  vector: Record<string, number>;
  rejections: Array<{ seq: number; reason: string }>;
};

/** Requests from this node to another one at `url`, each signed with this node's key. */
export class PeerConnection {
  constructor(
    private readonly identity: NodeIdentity,
    readonly url: string,
  ) {}

  signedHeaders(method: string, path: string, body: string) {
    return nodeRequestHeaders(this.identity, method, path, body);
  }

  /** The peer's hello, refused unless signed by the node it names (`keyOf` gives the keys this node trusts). */
  async hello(mine: Hello, keyOf: (nodeId: string) => Promise<string | undefined>): Promise<Hello> {
    const { body, signature } = await this.#fetch('POST', '/api/sync/hello', mine, { timeoutMs: HELLO_TIMEOUT_MS });
    const theirs = JSON.parse(body) as Hello;
    const key = await keyOf(theirs.nodeId);
    if (!key || !signature || !bytesSignatureValid(publicKeyObject(key), Buffer.from(body, 'utf8'), signature))
      throw new PeerError(`${this.url} did not prove it is node ${theirs.nodeId} of this cluster`);
    return theirs;
  }

  pull(vector: Record<string, number>, rejectedAfter?: number, limit = 2_000): Promise<Page> {
    return this.#call('POST', '/api/sync/pull', { vector, limit, rejectedAfter });
  }

  push(changes: WireChange[]): Promise<{ vector: Record<string, number>; outcome: { rejected: number } }> {
    return this.#call('POST', '/api/sync/push', { changes });
  }

  enroll(request: { code: string; nodeId: string; name: string; publicKey: string }) {
    return this.#call<{ clusterId: string; epoch: number; hubNodeId: string; hubPublicKey: string }>(
      'POST',
      '/api/sync/enroll',
      request,
      { signed: false },
    );
  }

  /** The hub's snapshot, refused unless signed with the key this node trusts for its hub. */
  async snapshot(hubKey: string | undefined): Promise<Snapshot> {
    const { body, signature } = await this.#fetch('GET', '/api/sync/snapshot', undefined, {});
    if (!hubKey || !signature || !bytesSignatureValid(publicKeyObject(hubKey), Buffer.from(body, 'utf8'), signature)) {
      throw new PeerError('the snapshot is not signed by the hub this node enrolled with; refusing it');
    }
    return JSON.parse(body) as Snapshot;
  }

  async #call<T>(method: string, path: string, payload: unknown, options: Options = {}): Promise<T> {
    return JSON.parse((await this.#fetch(method, path, payload, options)).body) as T;
  }

  async #fetch(method: string, path: string, payload: unknown, { signed = true, timeoutMs }: Options) {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const headers: Record<string, string> = payload === undefined ? {} : { 'content-type': 'application/json' };
    if (signed) Object.assign(headers, this.signedHeaders(method, path, body));
    let response: Response;
    try {
      response = await fetch(new URL(path, this.url), {
        method,
        headers,
        body: payload === undefined ? undefined : body,
        signal: AbortSignal.timeout(timeoutMs ?? REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause?.message;
      throw new PeerError(`${this.url} cannot be reached: ${(error as Error).message}${cause ? ` (${cause})` : ''}`);
    }
    const text = await response.text();
    if (!response.ok) {
      const problem = problemOf(text);
      throw new PeerError(
        `${this.url} refused ${method} ${path} (${response.status}): ${problem.detail}`,
        response.status,
        problem.code,
      );
    }
    return { body: text, signature: response.headers.get('x-kontor-signature') };
  }
}

type Options = { signed?: boolean; timeoutMs?: number };

/** The detail and code of a problem+json answer; plain text stands for itself. */
function problemOf(text: string): { detail: string; code?: string } {
  try {
    const problem = JSON.parse(text) as { detail?: string; code?: string };
    return { detail: problem.detail ?? text, code: problem.code };
  } catch {
    return { detail: text };
  }
}
