import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1:<random> to `targetPort`, standing in for the network between a client node and its
 * hub. Down: open connections are destroyed and new ones refused (accepted and reset at once). Up: forwards.
 * Counts bytes each way and remembers when the first connection after the last `up()` arrived.
 */
export interface SyncProxy {
  url: string;
  up(): void;
  down(): void;
  /** performance.now() of the first connection accepted since the last `up()`, if any. */
  firstConnectionAt: number | undefined;
  bytesToTarget: number;
  bytesFromTarget: number;
  close(): Promise<void>;
}

export async function startProxy(targetPort: number): Promise<SyncProxy> {
  const open = new Set<Socket>();
  let isUp = true;
  const proxy: SyncProxy = {
    url: '',
    firstConnectionAt: undefined,
    bytesToTarget: 0,
    bytesFromTarget: 0,
    up() {
      isUp = true;
      proxy.firstConnectionAt = undefined;
    },
    down() {
      isUp = false;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    close: async () => {
      proxy.down();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((inbound) => {
    if (!isUp) {
      inbound.resetAndDestroy();
      return;
    }
    proxy.firstConnectionAt ??= performance.now();
    const outbound = connect(targetPort, '127.0.0.1');
    for (const socket of [inbound, outbound]) {
      open.add(socket);
      socket.setNoDelay(true);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        open.delete(socket);
        inbound.destroy();
        outbound.destroy();
      });
    }
    inbound.on('data', (chunk: Buffer) => {
      proxy.bytesToTarget += chunk.length;
    });
    outbound.on('data', (chunk: Buffer) => {
      proxy.bytesFromTarget += chunk.length;
    });
    inbound.pipe(outbound);
    outbound.pipe(inbound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the proxy has no port');
  proxy.url = `http://127.0.0.1:${address.port}`;
  return proxy;
}
