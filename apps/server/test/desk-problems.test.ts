import { createHmac } from 'node:crypto';
import type { IncidentDetail, ProblemDetail, ProblemRule } from '@kontor/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTaskManager, until } from './desk-problems-fixtures.js';
import { type SmtpTestServer, startSmtpTestServer } from './smtp-test-server.js';
import { describeEachStore } from './stores.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const SECRET = 'a task manager secret of enough length';

describeEachStore('desk: problems', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let smtp: SmtpTestServer;
  let taskManager: Awaited<ReturnType<typeof startTaskManager>>;
  let agent: Session & { id: string };
  let deskAdmin: Session & { id: string };
  let requester: Session & { id: string };

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    taskManager = await startTaskManager();
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location, {
      smtpUrl: smtp.url,
      mailRetryBaseMs: 10,
      deskProblemWebhookUrl: taskManager.url,
      deskProblemWebhookSecret: SECRET,
      deskProblemExportRetryBaseMs: 10,
    });
    agent = await node.userWith(['desk.agent']);
    deskAdmin = await node.userWith(['desk.admin']);
    requester = await node.userWith(['desk.request']);
  });
  afterAll(async () => {
    await node?.close();
    await release?.();
    await smtp?.close();
    await taskManager?.close();
  });

  const as = (session: Session, method: Method, url: string, payload?: object): Promise<LightMyRequestResponse> =>
    node.app.inject({ method, url, payload, headers: session.headers });
  const json = async <T>(response: Promise<LightMyRequestResponse>, status: number): Promise<T> =>
    (await expectStatus(response, status)).json() as T;
  const report = (session: Session, payload: object = {}) =>
    json<IncidentDetail>(as(session, 'POST', '/api/desk/incidents', { title: 'VPN går inte', ...payload }), 201);
  const problem = (id: string) => json<ProblemDetail>(as(agent, 'GET', `/api/desk/problems/${id}`), 200);
  const problemsOfRule = async (ruleId: string) =>
    (await json<{ problems: ProblemDetail[] }>(as(agent, 'GET', '/api/desk/problems'), 200)).problems.filter(
      (p) => p.rule?.id === ruleId,
    );
  let categoryCount = 0;
  const newCategory = async () => {
    categoryCount += 1;
    return json<{ id: string; name: string }>(
      as(deskAdmin, 'POST', '/api/desk/categories', { name: `Problemkategori ${categoryCount}` }),
      201,
    );
  };
  const newRule = (payload: object) =>
    json<ProblemRule>(as(deskAdmin, 'POST', '/api/desk/problems/rules', { name: 'Störning', ...payload }), 201);
  const rows = async (table: string) =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(node.platform.db)).rows[0]
        ?.n,
    );

  it('opens a problem at the N-th incident of a category within the window, not before and not from older ones', async () => {
    const category = await newCategory();
    const rule = await newRule({ kind: 'category', categoryId: category.id, threshold: 3, windowMinutes: 30 });
    const old = await report(requester, { categoryId: category.id });
    // Reported an hour ago: outside the window.
    await sql`update desk.incidents set created_at = now() - interval '60 minutes' where id = ${old.id}`.execute(
      node.platform.db,
    );
    const second = await report(requester, { categoryId: category.id });
    const third = await report(agent, { categoryId: category.id });
    expect(await problemsOfRule(rule.id)).toEqual([]);
    const fourth = await report(requester, { categoryId: category.id });
    const [opened] = await problemsOfRule(rule.id);
    expect(opened).toMatchObject({ status: 'open', incidentCount: 3, category: { id: category.id } });
    expect(opened?.reference).toMatch(/^PRB-\d{6}$/);
    const detail = await problem(opened?.id as string);
    expect(detail.incidents.map((i) => i.id)).toEqual([second.id, third.id, fourth.id]);
    expect(detail.timeline[0]).toMatchObject({ kind: 'created', actor: { name: 'Störning' } });

    // A later incident of the burst joins the open problem rather than opening another.
    const fifth = await report(requester, { categoryId: category.id });
    const joined = await problemsOfRule(rule.id);
    expect(joined).toHaveLength(1);
    expect((await problem(opened?.id as string)).incidents.map((i) => i.id)).toContain(fifth.id);
    const open = await json<{ problems: ProblemDetail[] }>(as(agent, 'GET', '/api/desk/problems?status=closed'), 200);
    expect(open.problems.some((p) => p.id === opened?.id)).toBe(false);
  });

  it('counts one client reference, also when an agent sets it on an incident later', async () => {
    const rule = await newRule({ kind: 'client', threshold: 2, windowMinutes: 10 });
    await report(agent, { clientRef: 'Vårdcentral Norr' });
    const unset = await report(agent);
    expect(await problemsOfRule(rule.id)).toEqual([]);
    await expectStatus(as(agent, 'PATCH', `/api/desk/incidents/${unset.id}`, { clientRef: 'Vårdcentral Norr' }), 200);
    const [opened] = await problemsOfRule(rule.id);
    expect(opened).toMatchObject({ title: 'Störning: Vårdcentral Norr', incidentCount: 2 });
    // Pausing the rule stops it.
    await expectStatus(as(deskAdmin, 'PATCH', `/api/desk/problems/rules/${rule.id}`, { active: false }), 200);
  });

  it('opens one problem when many incidents arrive at once', async () => {
    const category = await newCategory();
    const rule = await newRule({ kind: 'category', categoryId: category.id, threshold: 3, windowMinutes: 30 });
    const incidents = await Promise.all(
      Array.from({ length: 8 }, (_, index) => report(requester, { title: `Nere ${index}`, categoryId: category.id })),
    );
    const opened = await problemsOfRule(rule.id);
    expect(opened).toHaveLength(1);
    const linked = (await problem(opened[0]?.id as string)).incidents.map((i) => i.id).sort();
    expect(linked).toEqual(incidents.map((i) => i.id).sort());
  });

  it('refuses bad input with 4xx and writes nothing', async () => {
    const incident = await report(requester);
    const before = await rows('desk.problems');
    const unknown = await as(agent, 'POST', '/api/desk/problems', {
      title: 'Skrivarna',
      incidentIds: [incident.id, '00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ path: 'body.incidentIds.1' })]);
    const empty = await as(agent, 'POST', '/api/desk/problems', { title: ' ', incidentIds: [incident.id] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe('body.title');
    const none = await as(agent, 'POST', '/api/desk/problems', { title: 'Skrivarna', incidentIds: [] });
    expect(none.statusCode).toBe(400);
    const small = await as(deskAdmin, 'POST', '/api/desk/problems/rules', {
      name: 'För liten',
      kind: 'category',
      threshold: 1,
      windowMinutes: 10,
    });
    expect(small.statusCode).toBe(400);
    expect(small.json().errors[0].path).toBe('body.threshold');
    // Agents work problems, only desk administrators keep rules; requesters do neither.
    expect((await as(requester, 'GET', '/api/desk/problems')).statusCode).toBe(403);
    expect(
      (
        await as(agent, 'POST', '/api/desk/problems/rules', {
          name: 'x',
          kind: 'client',
          threshold: 2,
          windowMinutes: 5,
        })
      ).statusCode,
    ).toBe(403);
    expect(await rows('desk.problems')).toBe(before);

    // An incident is in one open problem at a time.
    await json(as(agent, 'POST', '/api/desk/problems', { title: 'Första', incidentIds: [incident.id] }), 201);
    const twice = await as(agent, 'POST', '/api/desk/problems', { title: 'Andra', incidentIds: [incident.id] });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'desk.incident_in_problem', errors: [{ path: 'body.incidentIds.0' }] });
  });

  it('closes a problem: resolves its open incidents with the note, e-mails the requesters once, and only once', async () => {
    // The Kontor requester has an address on their account.
    await expectStatus(
      node.app.inject({
        method: 'PATCH',
        url: `/api/admin/users/${requester.id}`,
        headers: node.admin.headers,
        payload: { email: 'requester@example.org' },
      }),
      200,
    );
    const external = await report(agent, { requesterName: 'Kim Andersson', requesterEmail: 'kim@example.net' });
    const own = await report(requester);
    const done = await report(requester);
    await expectStatus(as(agent, 'POST', `/api/desk/incidents/${done.id}/status`, { status: 'resolved' }), 200);
    const opened = await json<ProblemDetail>(
      as(agent, 'POST', '/api/desk/problems', {
        title: 'Certifikatet för VPN har gått ut',
        description: 'Alla fjärranslutningar nekas.',
        incidentIds: [external.id, own.id],
      }),
      201,
    );
    expect(opened).toMatchObject({ status: 'open', incidentCount: 2, openIncidentCount: 2, rule: null });
    const linked = await json<ProblemDetail>(
      as(agent, 'POST', `/api/desk/problems/${opened.id}/incidents`, { incidentIds: [done.id] }),
      200,
    );
    expect(linked.incidents.map((i) => i.id)).toEqual([external.id, own.id, done.id]);
    const doneTimeline = (await json<IncidentDetail>(as(agent, 'GET', `/api/desk/incidents/${done.id}`), 200)).timeline;

    const resolution = 'Certifikatet är förnyat; anslut igen.';
    const closed = await json<ProblemDetail>(
      as(agent, 'POST', `/api/desk/problems/${opened.id}/close`, { resolution }),
      200,
    );
    expect(closed).toMatchObject({ status: 'closed', resolution, openIncidentCount: 0 });
    expect(closed.incidents.map((i) => i.status)).toEqual(['resolved', 'resolved', 'resolved']);
    for (const id of [external.id, own.id]) {
      const incident = await json<IncidentDetail>(as(agent, 'GET', `/api/desk/incidents/${id}`), 200);
      expect(incident.timeline).toContainEqual(
        expect.objectContaining({ kind: 'comment', internal: false, body: resolution }),
      );
    }
    // The requester sees the note on their own incident.
    const seen = await json<IncidentDetail>(as(requester, 'GET', `/api/desk/incidents/${own.id}`), 200);
    expect(seen.timeline.map((a) => a.body)).toContain(resolution);
    // The incident that was already resolved is left alone.
    expect((await json<IncidentDetail>(as(agent, 'GET', `/api/desk/incidents/${done.id}`), 200)).timeline).toEqual(
      doneTimeline,
    );
    const mail = await smtp.waitFor((m) => m.envelope.to.includes('kim@example.net'));
    expect(mail.parsed.text).toContain(resolution);
    expect(mail.parsed.subject).toContain(external.reference);
    // A Kontor user is told by the desk's notifications (by e-mail, as they chose), not once more by the problem.
    const toRequester = (m: (typeof smtp.messages)[number]) =>
      m.envelope.to.includes('requester@example.org') && String(m.parsed.subject).includes(own.reference);
    await smtp.waitFor(toRequester);

    // Again: the same answer, nothing more written or sent.
    const counts = async () =>
      Promise.all(['desk.activities', 'desk.problem_activities', 'platform.mail_queue', 'audit.entries'].map(rows));
    const before = await counts();
    const again = await json<ProblemDetail>(
      as(agent, 'POST', `/api/desk/problems/${opened.id}/close`, { resolution: 'Något annat' }),
      200,
    );
    expect(again).toEqual(closed);
    expect(await counts()).toEqual(before);
    expect(smtp.messages.filter((m) => m.envelope.to.includes('kim@example.net'))).toHaveLength(1);
    const problemMail = await sql<{ recipient: string }>`
      select recipient from platform.mail_queue where dedupe_key like ${`desk-problem-closed:${opened.id}:%`}`.execute(
      node.platform.db,
    );
    expect(problemMail.rows.map((row) => row.recipient)).toEqual(['kim@example.net']);
    const audit = await sql<{
      action: string;
    }>`select action from audit.entries where entity_id = ${opened.id}`.execute(node.platform.db);
    expect(audit.rows.map((r) => r.action).sort()).toEqual([
      'desk.problem.close',
      'desk.problem.create',
      'desk.problem.link',
    ]);
    // A closed problem takes no more incidents.
    const late = await report(requester);
    expect(
      (await as(agent, 'POST', `/api/desk/problems/${opened.id}/incidents`, { incidentIds: [late.id] })).statusCode,
    ).toBe(409);
  });

  it('exports a problem to the task manager as a signed event, retrying while the receiver is down', async () => {
    const incident = await report(requester);
    const opened = await json<ProblemDetail>(
      as(agent, 'POST', '/api/desk/problems', { title: 'Exportera mig', incidentIds: [incident.id] }),
      201,
    );
    const accepted = await json<ProblemDetail>(as(agent, 'POST', `/api/desk/problems/${opened.id}/export`), 202);
    expect(accepted.export).toMatchObject({ status: 'pending', attempts: 0 });
    await until(async () => (await problem(opened.id)).export?.status === 'sent', 'the export to be sent');
    const event = taskManager.received.at(-1);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(event?.headers['x-kontor-signature'])) ?? [];
    expect(v1).toBe(createHmac('sha256', SECRET).update(`${t}.${event?.raw}`).digest('hex'));
    expect(event?.headers['x-kontor-event']).toBe('desk.problem.exported');
    const body = JSON.parse(event?.raw ?? '{}');
    expect(body).toMatchObject({
      id: event?.headers['x-kontor-delivery'],
      type: 'desk.problem.exported',
      problem: { id: opened.id, reference: opened.reference, title: 'Exportera mig' },
      incidents: [{ id: incident.id, reference: incident.reference, status: 'new' }],
    });

    await taskManager.down();
    const seen = taskManager.received.length;
    await expectStatus(as(agent, 'POST', `/api/desk/problems/${opened.id}/export`), 202);
    // An attempt may still meet the kept-alive connection the receiver has just closed ("other side closed"); the
    // next one finds the port shut. Counting attempts is not enough: one is counted when it starts.
    const refused = async () => (await problem(opened.id)).export?.lastError?.includes('ECONNREFUSED') ?? false;
    await until(refused, 'an attempt refused by the receiver');
    expect((await problem(opened.id)).export).toMatchObject({ status: 'pending' });
    await taskManager.up();
    await until(async () => (await problem(opened.id)).export?.status === 'sent', 'the retried export to be sent');
    expect(taskManager.received.length).toBe(seen + 1);
  });
});
