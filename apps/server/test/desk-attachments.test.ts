import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { IncidentAttachment, IncidentDetail } from '@kontor/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from './stores.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

const LIMIT = 26_214_400;

describeEachStore('desk: incident attachments', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let baseUrl: string;
  let agent: Session;
  let requester: Session;
  let otherRequester: Session;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location, { demo: false });
    baseUrl = await node.app.listen({ host: '127.0.0.1', port: 0 });
    agent = await node.userWith(['desk.agent']);
    requester = await node.userWith(['desk.request']);
    otherRequester = await node.userWith(['desk.request']);
  });
  afterAll(async () => {
    await node?.close();
    await release?.();
  });

  const report = async (session: Session): Promise<IncidentDetail> =>
    (
      await expectStatus(
        node.app.inject({
          method: 'POST',
          url: '/api/desk/incidents',
          headers: session.headers,
          payload: { title: 'Skannern sparar tomma PDF:er' },
        }),
        201,
      )
    ).json();
  const upload = (
    session: Session,
    incidentId: string,
    filename: string,
    body: Buffer | Readable,
    contentType = 'application/pdf',
  ) =>
    node.app.inject({
      method: 'POST',
      url: `/api/desk/incidents/${incidentId}/attachments?filename=${encodeURIComponent(filename)}`,
      headers: { ...session.headers, 'content-type': contentType },
      payload: body,
    });
  const stored = async () =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from desk.attachments`.execute(node.platform.db)).rows[0]?.n,
    );

  it('keeps a requester’s file with the incident and gives it back byte for byte as a download', async () => {
    const incident = await report(requester);
    const content = Buffer.from('%PDF-1.4\n% a scanned page\n');
    const added = (await expectStatus(upload(requester, incident.id, 'skanning 3 våning.pdf', content), 201)).json();
    expect(added).toMatchObject({
      filename: 'skanning 3 våning.pdf',
      contentType: 'application/pdf',
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      activityId: null,
    });

    const detail = (
      await expectStatus(
        node.app.inject({ method: 'GET', url: `/api/desk/incidents/${incident.id}`, headers: agent.headers }),
        200,
      )
    ).json() as IncidentDetail;
    expect(detail.attachments.map((a: IncidentAttachment) => a.id)).toEqual([added.id]);

    const download = await fetch(`${baseUrl}/api/desk/incidents/${incident.id}/attachments/${added.id}`, {
      headers: { cookie: agent.cookie },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(content);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="skanning 3 v_ning.pdf"; filename*=UTF-8''skanning%203%20v%C3%A5ning.pdf`,
    );
  });

  it('refuses a file over 25 MB with 413 naming the limit, and writes nothing', async () => {
    const incident = await report(agent);
    const before = await stored();
    const oversized = Buffer.alloc(LIMIT + 1, 7);
    // Declared by Content-Length over real HTTP: refused before the body is read.
    const declared = await fetch(
      `${baseUrl}/api/desk/incidents/${incident.id}/attachments?filename=${encodeURIComponent('big.bin')}`,
      {
        method: 'POST',
        headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'content-type': 'application/octet-stream' },
        body: oversized,
      },
    );
    expect(declared.status).toBe(413);
    expect(declared.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await declared.json()) as { code: string; maxBytes: number; detail: string };
    expect(problem).toMatchObject({ code: 'desk.attachment_too_large', maxBytes: LIMIT });
    expect(problem.detail).toContain('25 MB');
    // Streamed without a length: refused once the bytes pass the limit.
    const streamed = await upload(
      agent,
      incident.id,
      'big.bin',
      Readable.from([oversized.subarray(0, LIMIT), Buffer.alloc(1)]),
    );
    expect(streamed.statusCode).toBe(413);
    expect(streamed.json().code).toBe('desk.attachment_too_large');
    expect(await stored()).toBe(before);
    // A file of exactly the limit is taken.
    await expectStatus(upload(agent, incident.id, 'exactly.bin', oversized.subarray(0, LIMIT)), 201);
  });

  it('refuses an empty file and a name that is a path with 400', async () => {
    const incident = await report(agent);
    const empty = await upload(agent, incident.id, 'empty.txt', Buffer.alloc(0), 'text/plain');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('desk.attachment_empty');
    const path = await upload(agent, incident.id, '../../etc/passwd', Buffer.from('x'), 'text/plain');
    expect(path.statusCode).toBe(400);
    expect(path.json().errors[0].path).toBe('querystring.filename');
    const unnamed = await node.app.inject({
      method: 'POST',
      url: `/api/desk/incidents/${incident.id}/attachments`,
      headers: { ...agent.headers, 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(unnamed.statusCode).toBe(400);
  });

  it('lets a requester neither see, download nor add to someone else’s incident', async () => {
    const incident = await report(requester);
    const added = (
      await expectStatus(upload(requester, incident.id, 'mine.png', Buffer.from('png'), 'image/png'), 201)
    ).json();
    const url = `/api/desk/incidents/${incident.id}/attachments`;
    const asOther = (method: 'GET' | 'POST', path: string) =>
      node.app.inject({
        method,
        url: path,
        headers: { ...otherRequester.headers, 'content-type': 'text/plain' },
        payload: method === 'POST' ? 'x' : undefined,
      });
    expect((await asOther('GET', `${url}/${added.id}`)).statusCode).toBe(404);
    expect((await asOther('GET', url)).statusCode).toBe(404);
    expect((await asOther('POST', `${url}?filename=x.txt`)).statusCode).toBe(404);
    const own = await node.app.inject({ method: 'GET', url: `${url}/${added.id}`, headers: requester.headers });
    expect(own.statusCode).toBe(200);
    expect(own.body).toBe('png');
    // Anonymous callers are asked to sign in.
    expect((await node.app.inject({ method: 'GET', url: `${url}/${added.id}` })).statusCode).toBe(401);
  });
});
