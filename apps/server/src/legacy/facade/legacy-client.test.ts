import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { FacadeMetrics } from './facade-metrics.js';
import { LegacyCrmClient, LegacyUnavailable } from './legacy-client.js';

let server: Server | undefined;

/** A legacy CRM whose answer to the n-th request (from 1) is `answer(n)`. */
async function legacyCrm(answer: (n: number, request: IncomingMessage, response: ServerResponse) => void) {
  let requests = 0;
  server = createServer((request, response) => answer(++requests, request, response));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new LegacyCrmClient(
    { baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 2_000 },
    new FacadeMetrics(new Registry(), 'memory'),
  );
  return { client, requests: () => requests };
}

const stats = (response: ServerResponse) =>
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ clients: 3, orders: 5 }));

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe('LegacyCrmClient', () => {
  it('sends a request once more when the connection broke before any answer', async () => {
    const crm = await legacyCrm((n, request, response) => (n === 1 ? request.socket.destroy() : stats(response)));
    expect(await crm.client.stats()).toEqual({ clients: 3, orders: 5 });
    expect(crm.requests()).toBe(2);
  });

  it('gives up after the second broken connection, saying the legacy CRM could not be reached', async () => {
    const crm = await legacyCrm((_n, request) => request.socket.destroy());
    const error = await crm.client.stats().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LegacyUnavailable);
    expect((error as Error).message).toMatch(/could not be reached for \/stats/);
    expect(crm.requests()).toBe(2);
  });

  it('does not repeat a request the legacy CRM answered with an error', async () => {
    const crm = await legacyCrm((_n, _request, response) => response.writeHead(500).end());
    await expect(crm.client.stats()).rejects.toThrow('The legacy CRM answered /stats with 500');
    expect(crm.requests()).toBe(1);
  });
});
