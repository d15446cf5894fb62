import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

/** Waits until `check` holds, polling; fails naming `what` after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface ReceivedEvent {
  headers: IncomingHttpHeaders;
  raw: string;
}

/**
 * A task manager's webhook endpoint on 127.0.0.1 and a fixed port: records every POST and answers 200. `down()`
 * closes the port (connections are refused) and `up()` opens it again, as a receiver that is restarted does.
 */
export async function startTaskManager() {
  const received: ReceivedEvent[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, raw: Buffer.concat(chunks).toString('utf8') });
      response.end('ok');
    });
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  await listen(0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const down = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { received, url: `http://127.0.0.1:${port}/hooks/kontor`, down, up: () => listen(port), close: down };
}
