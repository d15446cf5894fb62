import WebSocket from 'ws';
import { cpuMs } from './stats.js';
import { startClient, waitBootstrapped } from './sync-nodes.js';

/**
 * One receiver of the process fan-out (bench/sync-processes.ts), in a process of its own as a workstation is:
 * `ws <url>` listens on a plain WebSocket (the baseline); `client <hub url> <code> <name>` runs a Kontor client
 * node. Each prints a JSON line per arrival, `{"ids": [...], "at": <epoch ms>, "cpuMs": <CPU used so far>}`, after
 * `{"ready": true}`.
 */
const now = () => performance.timeOrigin + performance.now();
const report = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
const [mode, ...args] = process.argv.slice(2);

if (mode === 'ws') {
  const socket = new WebSocket(String(args[0]));
  socket.on('open', () => report({ ready: true }));
  socket.on('message', (data) =>
    report({ ids: [(JSON.parse(String(data)) as { i: number }).i], at: now(), cpuMs: cpuMs() }),
  );
  process.on('SIGTERM', () => socket.close());
} else {
  const [hubUrl, code, name] = args as [string, string, string];
  const client = await startClient(hubUrl, code, name);
  await waitBootstrapped(client);
  // Wrapped, not changed: the time the apply transaction committed, and which pings it carried.
  const receive = client.sync.receive.bind(client.sync);
  client.sync.receive = async (peer, changes) => {
    const outcome = await receive(peer, changes);
    const ids = changes.filter((change) => change.table === 'benchsync.pings').map((change) => Number(change.key.id));
    if (ids.length > 0) report({ ids, at: now(), cpuMs: cpuMs() });
    return outcome;
  };
  report({ ready: true });
  process.on('SIGTERM', () => {
    void client.close().finally(() => process.exit(0));
  });
}
