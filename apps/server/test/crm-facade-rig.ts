import type { LightMyRequestResponse } from 'fastify';
import { type LegacyCrm, startLegacyCrm } from '../../../examples/legacy-crm/server.js';
import type { ConfigInput } from '../src/config.js';
import { ClientsService, type LegacyClientRecord } from '../src/legacy/clients/clients-service.js';
import { OrdersService } from '../src/legacy/orders/orders-service.js';
import { REDIS_URL, redisAvailable, type TestStore } from './stores.js';
import { type Session, startTestNode, type TestNode } from './test-node.js';

/**
 * A hub whose facade fronts a legacy CRM stand-in of its own (in this process, its own PGlite), with the real Redis
 * as the cache when it can be reached (CI always has it), and the services behind the facade for direct steps.
 */
export interface CrmRig {
  node: TestNode;
  crm: LegacyCrm;
  clients: ClientsService;
  orders: OrdersService;
  get(url: string, session?: Session): Promise<LightMyRequestResponse>;
  post(url: string, body: unknown, session?: Session): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown, session?: Session): Promise<LightMyRequestResponse>;
  /** An outside writer of the legacy CRM: its own API, past the facade. */
  legacyWrite<T = Record<string, unknown>>(method: 'POST' | 'PATCH', path: string, body: unknown): Promise<T>;
  /** Legacy client records by id, walked from the stand-in (what a backfill would import). */
  legacyClients(afterId: string | null, limit: number): Promise<LegacyClientRecord[]>;
  /** Every page of a list, following the cursors. */
  walk<T>(url: string, limit: number): Promise<{ items: T[]; partialPages: number }>;
  /** A sample of /metrics (the sum over series whose labels include `labels`). */
  metric(name: string, labels?: Record<string, string>): Promise<number>;
  close(): Promise<void>;
}

export async function startCrmRig(store: TestStore, settings: Partial<ConfigInput> = {}): Promise<CrmRig> {
  const crm = await startLegacyCrm({ port: 0 });
  const created = await store.create();
  const node = await startTestNode(created.location, {
    demo: false,
    legacyCrmUrl: crm.url,
    ...(redisAvailable ? { redisUrl: REDIS_URL } : {}),
    ...settings,
  });
  const clients = new ClientsService(node.platform);
  const orders = new OrdersService(node.platform);
  const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, session = node.admin) =>
    node.app.inject({
      method,
      url,
      headers: session.headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
  const rig: CrmRig = {
    node,
    crm,
    clients,
    orders,
    get: (url, session) => inject('GET', url, undefined, session),
    post: (url, body, session) => inject('POST', url, body, session),
    patch: (url, body, session) => inject('PATCH', url, body, session),
    async legacyWrite<T>(method: 'POST' | 'PATCH', path: string, body: unknown) {
      const response = await fetch(`${crm.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    async legacyClients(afterId, limit) {
      const search = new URLSearchParams({ order: 'id', limit: String(limit), ...(afterId ? { afterId } : {}) });
      const response = await fetch(`${crm.url}/clients?${search}`);
      if (!response.ok) throw new Error(`walk: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { items: LegacyClientRecord[] }).items;
    },
    async walk<T>(url: string, limit: number) {
      const items: T[] = [];
      let partialPages = 0;
      let cursor: string | null = null;
      const separator = url.includes('?') ? '&' : '?';
      for (let pages = 0; pages < 10_000; pages++) {
        const response = await rig.get(
          `${url}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        if (response.statusCode !== 200) throw new Error(`walk ${url}: ${response.statusCode} ${response.body}`);
        const page = response.json() as { items: T[]; nextCursor: string | null; partial: boolean };
        items.push(...page.items);
        if (page.partial) partialPages += 1;
        cursor = page.nextCursor;
        if (!cursor) return { items, partialPages };
      }
      throw new Error(`walk ${url}: no end`);
    },
    async metric(name, labels = {}) {
      const response = await node.app.inject({ url: '/metrics', headers: node.admin.headers });
      let sum = 0;
      for (const line of response.body.split('\n')) {
        if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
        if (Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`)))
          sum += Number(line.slice(line.lastIndexOf(' ') + 1));
      }
      return sum;
    },
    async close() {
      await node.close();
      await created.release();
      await crm.close();
    },
  };
  return rig;
}
