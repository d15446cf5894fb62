import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crmRoutes } from './api.js';
import { FaultInjector, type Faults, type FaultsInput } from './faults.js';
import { Problem, problem, type Reply } from './problems.js';
import { isControl, Router } from './router.js';
import type { SeedOptions, SeedResult } from './seed.js';
import { CrmStore } from './store.js';

export type { Faults, FaultsInput } from './faults.js';
export type { Client, Order, OrderStatus, Page } from './records.js';
export type { SeedOptions, SeedResult } from './seed.js';

export interface LegacyCrmOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where the database lives; in memory (gone at close) when left out. */
  dataDir?: string;
  /** When set, every request must carry `Authorization: Bearer <token>`. */
  token?: string;
}

export interface LegacyCrm {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Replaces the injected faults (what `faults` leaves out is off); answers them. */
  setFaults(faults: FaultsInput): Faults;
  faults(): Faults;
  /** Empties the database (faults stay as they are). */
  reset(): Promise<void>;
  /** Adds deterministic clients and their orders after the existing ones (see README.md, "Seeding"). */
  seed(options: SeedOptions): Promise<SeedResult>;
  /** How many records there are, as `GET /stats` answers. */
  stats(): Promise<{ clients: number; orders: number }>;
}

const MAX_BODY_BYTES = 1_000_000;

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Problem(problem(413, 'too_large', 'The body is over 1 MB'));
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new Problem(problem(400, 'invalid_json', 'The body is not JSON'));
  }
}

function send(response: ServerResponse, reply: Reply) {
  if (response.headersSent || response.destroyed) return;
  if (reply.body === undefined) {
    response.writeHead(reply.status).end();
    return;
  }
  const type = reply.problem ? 'application/problem+json' : 'application/json; charset=utf-8';
  response.writeHead(reply.status, { 'content-type': type }).end(JSON.stringify(reply.body));
}

/** Starts the legacy CRM stand-in (README.md): a plain REST API over its own PGlite database. */
export async function startLegacyCrm(options: LegacyCrmOptions = {}): Promise<LegacyCrm> {
  const store = await CrmStore.open(options.dataDir);
  const faults = new FaultInjector();
  const router = new Router(crmRoutes(store, faults));
  const authorization = options.token && `Bearer ${options.token}`;

  async function serve(request: IncomingMessage, response: ServerResponse) {
    // A caller that gave up ends a hanging or slow request at once.
    const gone = new AbortController();
    response.on('close', () => gone.abort());
    try {
      const url = new URL(request.url ?? '/', 'http://legacy-crm');
      const match = router.match(request.method ?? 'GET', url.pathname);
      if (!isControl(url.pathname)) {
        const verdict = await faults.apply(gone.signal);
        if (!verdict.pass) return send(response, problem(verdict.status, verdict.code, verdict.detail));
      }
      if (authorization && request.headers.authorization !== authorization)
        return send(response, problem(401, 'unauthorized', 'A valid bearer token is required'));
      if (!match.route) return send(response, match.reply);
      const query = Object.fromEntries([...url.searchParams].filter(([, value]) => value !== ''));
      const body = await readBody(request);
      send(response, await match.route.handle({ id: match.id, query, body }));
    } catch (error) {
      if (error instanceof Problem) return send(response, error.reply);
      console.error('legacy-crm: internal error', error);
      send(response, problem(500, 'internal', 'The CRM failed'));
    }
  }

  const server = createServer((request, response) => void serve(request, response));
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, resolve);
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url,
    port,
    async close() {
      faults.release();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
    },
    setFaults: (next) => faults.set(next),
    faults: () => faults.current,
    reset: () => store.reset(),
    stats: () => store.stats(),
    async seed(seedOptions) {
      const result = await store.seed(seedOptions);
      if (typeof result === 'string') throw new Error('No ids are left for that many records');
      return result;
    },
  };
}
