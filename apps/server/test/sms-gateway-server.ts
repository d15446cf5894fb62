import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stand-in gateway received on its send endpoint, with its raw body and headers. */
export interface GatewayRequest {
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
  body: { id: string; to: string; text: string };
}

export interface SmsGatewayServer {
  /** The send endpoint to give a node as `deskSmsGatewayUrl`. */
  url: string;
  requests: GatewayRequest[];
  /** The next `count` requests are answered with `status` (503 by default). */
  failNext(count: number, status?: number): void;
  /** Resolves with the first request (received already or later) `predicate` accepts. */
  waitFor(predicate?: (request: GatewayRequest) => boolean, timeoutMs?: number): Promise<GatewayRequest>;
  close(): Promise<void>;
}

/**
 * A local HTTP server standing in for an SMS gateway's send endpoint (`POST /send`, JSON `{id, to, text}`): it
 * records every request as received, so a test can check the signature over the exact bytes, and answers
 * 202 `{queued: true}` or a failure on demand.
 */
export async function startSmsGatewayServer(): Promise<SmsGatewayServer> {
  const requests: GatewayRequest[] = [];
  const waiters: Array<() => void> = [];
  let failures = { count: 0, status: 503 };
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks);
    if (request.method !== 'POST' || request.url !== '/send') {
      response.writeHead(404).end();
      return;
    }
    requests.push({ headers: request.headers, rawBody, body: JSON.parse(rawBody.toString('utf8')) });
    for (const wake of waiters.splice(0)) wake();
    if (failures.count > 0) {
      failures.count -= 1;
      response.writeHead(failures.status, { 'content-type': 'application/json' }).end('{"error":"busy"}');
      return;
    }
    response.writeHead(202, { 'content-type': 'application/json' }).end('{"queued":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    requests,
    failNext(count, status = 503) {
      failures = { count, status };
    },
    waitFor(predicate = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no gateway request within ${timeoutMs} ms`)), timeoutMs);
        const check = () => {
          const found = requests.find(predicate);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
