import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Result } from 'autocannon';
import { sql } from 'kysely';
import { type ConfigInput, loadConfig } from '../apps/server/src/config.js';
import { createNode, type KontorNode } from '../apps/server/src/node.js';
import type { SyncService } from '../apps/server/src/sync/index.js';
import { isMain } from './main.js';
import { fixed, median, table } from './stats.js';

// `node --import tsx bench/supplies.ts`: the supplies figures of issue 4.
// - order placement: POST /api/supplies/orders on a client node (its own PGlite on disk, as on a workstation),
//   against GET /api/me on the same node in the same run (the platform's floor for an authenticated request);
// - catch-up: 1,000 orders placed on a workstation while its hub is down, then the hub started again: the time
//   until every one of them shows "Sent", against the hub's own start-up to listening in the same run.
// Settings: KONTOR_BENCH_ORDERS (1000), KONTOR_BENCH_SECONDS (10 per load round), KONTOR_BENCH_ROUNDS (3).

const ADMIN_PASSWORD = 'bench-supplies-admin-password';
const ORDERS = Number(process.env.KONTOR_BENCH_ORDERS ?? 1000);
const SECONDS = Number(process.env.KONTOR_BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.KONTOR_BENCH_ROUNDS ?? 3);
const CONNECTIONS = 10;

interface Started {
  node: KontorNode;
  url: string;
  headers: Record<string, string>;
  sync: SyncService;
}

async function start(dataDir: string, settings: Partial<ConfigInput>, port = 0): Promise<Started> {
  const config = loadConfig({
    flags: {
      dataDir,
      adminPassword: ADMIN_PASSWORD,
      logLevel: 'silent',
      loginRateLimitPerMinute: 100_000,
      ...settings,
    },
    env: {},
  });
  const node = await createNode(config);
  const url = await node.app.listen({ host: '127.0.0.1', port });
  const sync = (
    node.modules.find((module) => module.name === 'sync') as unknown as { service(): SyncService }
  ).service();
  // A workstation holds no users until its snapshot is in: it signs in later.
  return { node, url, headers: settings.role === 'client' ? {} : await signIn(node), sync };
}

/** The admin's session; a workstation's admin is the hub's, so it signs in again once the snapshot is in. */
async function signIn(node: KontorNode) {
  const login = await node.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', password: ADMIN_PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`sign-in answered ${login.statusCode}: ${login.body}`);
  const session = login.cookies.find((cookie) => cookie.name === 'kontor_session')?.value;
  return { cookie: `kontor_session=${session}`, 'x-csrf-token': String(login.json().csrfToken) };
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const AUTOCANNON_CLI = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
const run = promisify(execFile);

async function load(url: string, headers: Record<string, string>, body?: string) {
  const args = [AUTOCANNON_CLI, '--json', '-c', String(CONNECTIONS), '-d', String(SECONDS)];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}=${value}`);
  if (body) args.push('-m', 'POST', '-H', 'content-type=application/json', '-b', body);
  const { stdout } = await run(process.execPath, [...args, url], { maxBuffer: 16 * 1024 * 1024 });
  const result = JSON.parse(stdout) as Result;
  const failures = result.errors + result.timeouts + result.non2xx;
  if (failures > 0) throw new Error(`${failures} failed requests against ${url}`);
  return { reqPerSec: result.requests.average, p99: result.latency.p99 };
}

const orderBody = async (client: Started) => {
  const units = (await client.node.app.inject({ url: '/api/supplies/units', headers: client.headers })).json();
  const articles = (
    await client.node.app.inject({ url: '/api/supplies/articles', query: { limit: '3' }, headers: client.headers })
  ).json().articles as Array<{ id: string }>;
  return JSON.stringify({
    unitId: units.find((unit: { name: string }) => unit.name === 'Ortopedavdelning 71').id,
    deliveryAddress: 'Ortopedavdelning 71, plan 3',
    requestedDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
    lines: articles.map((article, index) => ({ articleId: article.id, quantity: index + 1 })),
  });
};

export async function runSuppliesBench(log: (line: string) => void = console.log) {
  const hubDir = mkdtempSync(join(tmpdir(), 'kontor-bench-hub-'));
  const clientDir = mkdtempSync(join(tmpdir(), 'kontor-bench-client-'));
  try {
    let hub = await start(hubDir, { role: 'server', nodeName: 'bench-hub' });
    const port = Number(new URL(hub.url).port);
    const code = (
      await hub.node.app.inject({ method: 'POST', url: '/api/sync/enrollments', headers: hub.headers })
    ).json().code;
    const client = await start(clientDir, {
      role: 'client',
      upstream: hub.url,
      enrollCode: code,
      nodeName: 'bench-workstation',
      demo: false,
    });
    await until(
      async () =>
        (await sql`select 1 from sync.cluster where bootstrapped`.execute(client.node.platform.db)).rows.length > 0,
      'the workstation bootstraps',
    );
    client.headers = await signIn(client.node);
    const body = await orderBody(client);

    log(`order placement on a workstation (PGlite on disk), ${CONNECTIONS} connections, ${ROUNDS} x ${SECONDS} s`);
    const me = [];
    const orders = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      me.push(await load(`${client.url}/api/me`, client.headers));
      orders.push(await load(`${client.url}/api/supplies/orders`, client.headers, body));
    }
    const placement = {
      meReqPerSec: median(me.map((r) => r.reqPerSec)),
      ordersReqPerSec: median(orders.map((r) => r.reqPerSec)),
      ordersP99: median(orders.map((r) => r.p99)),
    };
    log(
      table([
        ['request', 'req/s (median)', 'p99 ms'],
        ['GET /api/me', fixed(placement.meReqPerSec), fixed(median(me.map((r) => r.p99)))],
        ['POST /api/supplies/orders', fixed(placement.ordersReqPerSec), fixed(placement.ordersP99)],
      ]),
    );
    // Let the hub take in what the load produced, so the catch-up below measures only its own orders.
    await until(async () => (await client.sync.status()).pendingChanges === 0, 'the load reaches the hub');

    log(`\ncatch-up: ${ORDERS} orders placed while the hub is down`);
    await hub.node.close();
    const queued: string[] = [];
    for (let i = 0; i < ORDERS; i += 1) {
      const placed = await client.node.app.inject({
        method: 'POST',
        url: '/api/supplies/orders',
        headers: { ...client.headers, 'content-type': 'application/json' },
        payload: body,
      });
      if (placed.statusCode !== 201) throw new Error(`placing answered ${placed.statusCode}: ${placed.body}`);
      queued.push(placed.json().id);
    }
    const keys = queued.map((id) => ({ id }));
    const allSent = async () => (await client.sync.delivery('supplies.orders', keys)).every((d) => d?.state === 'sent');
    if (await allSent()) throw new Error('orders show as sent while the hub is down');
    const startedAt = performance.now();
    hub = await start(hubDir, { role: 'server', nodeName: 'bench-hub' }, port);
    const listeningAt = performance.now();
    await until(allSent, 'every queued order shows as sent');
    const sentAt = performance.now();
    const catchUp = {
      orders: ORDERS,
      hubStartSeconds: (listeningAt - startedAt) / 1000,
      afterListeningSeconds: (sentAt - listeningAt) / 1000,
      totalSeconds: (sentAt - startedAt) / 1000,
    };
    log(
      table([
        ['from hub start', 'seconds'],
        ['hub listening (its own start-up)', fixed(catchUp.hubStartSeconds, 2)],
        [`all ${ORDERS} orders "Sent"`, fixed(catchUp.totalSeconds, 2)],
        ['of which after the hub listened', fixed(catchUp.afterListeningSeconds, 2)],
      ]),
    );
    await client.node.close();
    await hub.node.close();
    return { placement, catchUp };
  } finally {
    rmSync(hubDir, { recursive: true, force: true });
    rmSync(clientDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runSuppliesBench();
