import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { migratedDataDir } from './pglite-template.js';
import {
  kontor,
  PROCESS_TEST_TIMEOUT,
  type RunningServer,
  shellStatus,
  startServer,
  waitForStatus,
} from './processes.js';

const PASSWORD = 'hub admin password';

async function signIn(url: string) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { status: response.status, cookie, csrf: ((await response.json()) as { csrfToken?: string }).csrfToken ?? '' };
}

/** Real `kontor` processes over HTTP: a hub, a client enrolled from the shell, the hub killed and restarted. */
describe('hub and client as separate processes', () => {
  const dirs: string[] = [];
  const running: RunningServer[] = [];
  // Fresh data directories with the store migrated already: what a first start does is cli.test.ts's subject.
  const dir = async () => {
    const path = await migratedDataDir('kontor-sync-');
    dirs.push(path);
    return path;
  };
  afterAll(async () => {
    await Promise.all(running.map((server) => server.stop('SIGKILL')));
    for (const path of dirs) rmSync(path, { recursive: true, force: true });
  });

  it(
    'enrolls from the shell, keeps serving sign-ins through a hub crash and resumes when it returns',
    async () => {
      const hubDir = await dir();
      const clientDir = await dir();
      let hub = await startServer(['--data', hubDir, '--port', '0', '--admin-password', PASSWORD]);
      running.push(hub);
      const admin = await signIn(hub.url);
      const enrollment = await fetch(`${hub.url}/api/sync/enrollments`, {
        method: 'POST',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      });
      const { code } = (await enrollment.json()) as { code: string };

      const enrolled = await kontor(['enroll', hub.url, code, '--data', clientDir, '--node-name', 'ward-7']);
      expect(enrolled.stderr.split('\n').filter((line) => line.startsWith('kontor:'))).toEqual([]);
      expect(enrolled.code).toBe(0);
      expect(enrolled.stdout).toContain('Enrolled in cluster');
      const reused = await kontor(['enroll', hub.url, code, '--data', await dir()]);
      expect(reused.code).toBe(1);
      expect(reused.stderr).toContain('The enrollment code is unknown, used or expired');

      expect(await shellStatus(clientDir)).toMatchObject({ role: 'client', enrolled: true, epoch: 1 });

      const client = await startServer(['--role', 'client', '--upstream', hub.url, '--data', clientDir, '--port', '0']);
      running.push(client);
      expect(client.output).not.toContain('First admin');
      const onClient = await signIn(client.url);
      expect(onClient.status).toBe(200);
      const asked = { url: client.url, headers: { cookie: onClient.cookie, 'x-csrf-token': onClient.csrf } };

      await hub.stop('SIGKILL');
      expect((await signIn(client.url)).status).toBe(200);
      await waitForStatus(
        clientDir,
        (status) => expect(status.lastError).toContain('cannot be reached'),
        asked,
        20_000,
      );

      hub = await startServer(['--data', hubDir, '--port', new URL(hub.url).port, '--admin-password', PASSWORD]);
      running.push(hub);
      await waitForStatus(clientDir, (status) => expect(status.lastError).toBeNull(), asked, 40_000);
    },
    PROCESS_TEST_TIMEOUT,
  );

  it(
    'takes in every order exactly once when the hub is killed while the workstation pushes',
    async () => {
      const hubDir = await dir();
      const clientDir = await dir();
      let hub = await startServer(['--data', hubDir, '--port', '0', '--admin-password', PASSWORD]);
      running.push(hub);
      const hubAdmin = await signIn(hub.url);
      const { code } = (await (
        await fetch(`${hub.url}/api/sync/enrollments`, {
          method: 'POST',
          headers: { cookie: hubAdmin.cookie, 'x-csrf-token': hubAdmin.csrf },
        })
      ).json()) as { code: string };
      expect((await kontor(['enroll', hub.url, code, '--data', clientDir])).code).toBe(0);
      const client = await startServer(['--data', clientDir, '--port', '0']);
      running.push(client);
      const admin = await signIn(client.url);
      const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' };
      const get = async (url: string, as: Record<string, string> = headers) =>
        (await fetch(url, { headers: as })).json();
      const unitId = ((await get(`${client.url}/api/supplies/units`)) as Array<{ id: string }>)[0]?.id;
      const { articles } = (await get(`${client.url}/api/supplies/articles?limit=2`)) as {
        articles: Array<{ id: string }>;
      };
      const place = async (n: number) => {
        const response = await fetch(`${client.url}/api/supplies/orders`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            unitId,
            deliveryAddress: `Förrådet ${n}`,
            requestedDate: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
            lines: articles.map((article) => ({ articleId: article.id, quantity: n + 1 })),
          }),
        });
        expect(response.status).toBe(201);
      };
      const TOTAL = 150;
      for (let n = 0; n < TOTAL; n += 1) {
        // The workstation pushes while orders keep coming; the hub dies in the middle of it, without warning.
        if (n === 50) await hub.stop('SIGKILL');
        await place(n);
      }
      hub = await startServer(['--data', hubDir, '--port', new URL(hub.url).port, '--admin-password', PASSWORD]);
      running.push(hub);
      await waitForStatus(
        clientDir,
        (status) => expect(status.pendingChanges).toBe(0),
        { url: client.url, headers },
        90_000,
      );

      const staff = await signIn(hub.url);
      const staffHeaders = { cookie: staff.cookie, 'x-csrf-token': staff.csrf };
      const onHub = (await get(`${hub.url}/api/supplies/orders?limit=500`, staffHeaders)) as {
        total: number;
        orders: Array<{ deliveryAddress: string }>;
      };
      expect(onHub.total).toBe(TOTAL);
      expect(new Set(onHub.orders.map((order) => order.deliveryAddress)).size).toBe(TOTAL);
      const onClient = (await get(`${client.url}/api/supplies/orders?delivery=sent&limit=1`)) as { total: number };
      expect(onClient.total).toBe(TOTAL);
    },
    PROCESS_TEST_TIMEOUT,
  );
});
