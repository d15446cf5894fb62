import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kontor, PROCESS_TEST_TIMEOUT, type RunningServer, startServer } from './processes.js';

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
  const dir = () => {
    const path = mkdtempSync(join(tmpdir(), 'kontor-sync-'));
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
      const hubDir = dir();
      const clientDir = dir();
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
      const reused = await kontor(['enroll', hub.url, code, '--data', dir()]);
      expect(reused.code).toBe(1);
      expect(reused.stderr).toContain('The enrollment code is unknown, used or expired');

      const stopped = JSON.parse((await kontor(['status', '--json', '--data', clientDir])).stdout);
      expect(stopped).toMatchObject({ role: 'client', enrolled: true, epoch: 1 });

      const client = await startServer(['--role', 'client', '--upstream', hub.url, '--data', clientDir, '--port', '0']);
      running.push(client);
      expect(client.output).not.toContain('First admin');
      expect((await signIn(client.url)).status).toBe(200);

      await hub.stop('SIGKILL');
      expect((await signIn(client.url)).status).toBe(200);
      await expect
        .poll(async () => JSON.parse((await kontor(['status', '--json', '--data', clientDir])).stdout).lastError, {
          timeout: 20_000,
        })
        .toContain('cannot be reached');

      hub = await startServer(['--data', hubDir, '--port', new URL(hub.url).port, '--admin-password', PASSWORD]);
      running.push(hub);
      await expect
        .poll(async () => JSON.parse((await kontor(['status', '--json', '--data', clientDir])).stdout).lastError, {
          timeout: 40_000,
        })
        .toBeNull();
    },
    PROCESS_TEST_TIMEOUT,
  );
});
