import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, expectStatus, startTestNode, type TestNode } from './test-node.js';

const memory = { kind: 'pglite', dir: 'memory' } as const;

/** A workstation started without a hub waits on its first-run page until someone at it enters a code. */
describe('first-run enrollment of a workstation', () => {
  let hub: TestNode;
  let hubUrl: string;
  let client: TestNode;
  const firstRun = () => client.app.inject({ url: '/api/sync/first-run' });
  const enroll = (payload: Record<string, string>, remoteAddress?: string) =>
    client.app.inject({ method: 'POST', url: '/api/sync/first-run', payload, ...(remoteAddress && { remoteAddress }) });

  beforeAll(async () => {
    hub = await startTestNode(memory);
    hubUrl = await hub.app.listen({ host: '127.0.0.1', port: 0 });
    client = await startTestNode(memory, { role: 'client', syncIntervalMs: 100 }, { signIn: false });
  });
  afterAll(async () => {
    await client?.close();
    await hub?.close();
  });

  it('enrolls from the workstation’s own screen only, with a valid code, and then loads the hub’s data', async () => {
    expect((await firstRun()).json()).toEqual({ role: 'client', enrolled: false, ready: false });
    const code = (
      await expectStatus(
        hub.app.inject({ method: 'POST', url: '/api/sync/enrollments', headers: hub.admin.headers }),
        201,
      )
    ).json().code;

    const invalid = await enroll({ hubUrl: 'not a url', code });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors[0].path).toBe('body.hubUrl');
    expect((await enroll({ hubUrl, code }, '10.1.2.3')).json()).toMatchObject({ code: 'sync.first_run_remote' });
    const refused = await enroll({ hubUrl, code: 'WRONGCODE1' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toContain('unknown, used or expired');
    expect((await enroll({ hubUrl: 'http://127.0.0.1:9', code })).json()).toMatchObject({
      code: 'sync.hub_unreachable',
    });

    expect((await enroll({ hubUrl, code })).statusCode).toBe(202);
    await expect.poll(async () => (await firstRun()).json(), { timeout: 20_000 }).toMatchObject({ ready: true });
    expect((await client.login('admin', ADMIN_PASSWORD)).cookie).toContain('kontor_session=');
    expect((await enroll({ hubUrl, code })).json()).toMatchObject({ code: 'sync.already_enrolled' });
  });
});
