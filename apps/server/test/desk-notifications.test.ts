import type { IncidentDetail, Notification } from '@kontor/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SmtpTestServer, startSmtpTestServer } from './smtp-test-server.js';
import { describeEachStore } from './stores.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';
import { openLiveSocket } from './visitors-fixtures.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';
type User = Session & { id: string; username: string };

describeEachStore('desk: notifications', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let smtp: SmtpTestServer;
  let baseUrl: string;
  let olga: User;
  let sergej: User;
  let maria: User;

  const as = (session: Session, method: Method, url: string, payload?: object): Promise<LightMyRequestResponse> =>
    node.app.inject({ method, url, payload, headers: session.headers });
  const ok = async (session: Session, method: Method, url: string, payload?: object, status = 200) => {
    const response = await expectStatus(as(session, method, url, payload), status);
    return status === 204 ? undefined : response.json();
  };
  /** test-node names `testerN` "Tester N". */
  const nameOf = (user: User) => `Tester ${user.username.slice('tester'.length)}`;
  const withEmail = async (user: User, email: string) =>
    ok(node.admin, 'PATCH', `/api/admin/users/${user.id}`, { email });
  const report = async (session: Session, payload: object = {}): Promise<IncidentDetail> =>
    ok(
      session,
      'POST',
      '/api/desk/incidents',
      { title: 'Skärmen är svart', description: 'Sedan i morse.', ...payload },
      201,
    );
  const notificationsOf = async (
    session: Session,
    query = '',
  ): Promise<{ notifications: Notification[]; unread: number; nextBefore: number | null }> =>
    ok(session, 'GET', `/api/desk/notifications${query}`);
  /** Mail queued for a recipient about an incident: queued in the change's transaction, so known at once. */
  const queuedMail = async (to: string, reference: string) =>
    (
      await sql<{ subject: string; text_body: string }>`select subject, text_body from platform.mail_queue
        where recipient = ${to} and subject like ${`%${reference}%`} order by id`.execute(node.platform.db)
    ).rows;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location, { smtpUrl: smtp.url, mailRetryBaseMs: 10 });
    baseUrl = await node.app.listen({ host: '127.0.0.1', port: 0 });
    olga = await node.userWith(['desk.agent']);
    sergej = await node.userWith(['desk.agent']);
    maria = await node.userWith(['desk.request']);
    await withEmail(olga, 'olga@example.org');
    await withEmail(maria, 'maria@example.org');
    await ok(maria, 'PUT', '/api/me/preferences', { locale: 'sv' }, 204);
  });
  afterAll(async () => {
    await node?.close();
    await release?.();
    await smtp?.close();
  });

  it('tells the assignee alone, live and by e-mail with a link, and not the agent who assigned', async () => {
    const olgaLive = await openLiveSocket(baseUrl, olga.cookie, ['notifications']);
    const sergejLive = await openLiveSocket(baseUrl, sergej.cookie, ['notifications']);
    const incident = await report(sergej, { assigneeId: olga.id });

    const pushed = await olgaLive.next((m) => m.type === 'event' && m.topic === 'notifications');
    expect(pushed.payload).toMatchObject({
      userId: olga.id,
      unread: 1,
      notification: {
        event: 'assigned',
        incidentId: incident.id,
        reference: incident.reference,
        actorName: nameOf(sergej),
      },
    });
    const mail = await smtp.waitFor((m) => m.envelope.to.includes('olga@example.org'));
    expect(mail.parsed.subject).toBe(`[${incident.reference}] Assigned to you: Skärmen är svart`);
    expect(mail.parsed.text).toContain(`/desk/incidents/${incident.id}`);

    // Olga takes one herself: nobody is told. Then Sergej gets one from Olga: his socket hears only that.
    await report(olga, { assigneeId: olga.id });
    const mine = await report(olga, { assigneeId: sergej.id });
    const forSergej = await sergejLive.next((m) => m.type === 'event' && m.topic === 'notifications');
    expect(forSergej.payload).toMatchObject({ userId: sergej.id, notification: { incidentId: mine.id } });
    expect(
      sergejLive.messages.filter((m) => m.type === 'event').map((m) => (m.payload as { userId: string }).userId),
    ).toEqual([sergej.id]);
    const olgas = await notificationsOf(olga);
    expect(olgas.notifications.map((n) => n.incidentId)).toEqual([incident.id]);
    olgaLive.socket.close();
    sergejLive.socket.close();
  });

  it('tells the requester of public replies and the resolution, in Swedish, never of internal notes', async () => {
    const incident = await report(maria);
    await ok(olga, 'PATCH', `/api/desk/incidents/${incident.id}`, { assigneeId: olga.id });
    await ok(
      olga,
      'POST',
      `/api/desk/incidents/${incident.id}/comments`,
      { body: 'Hemlig anteckning', internal: true },
      201,
    );
    expect((await notificationsOf(maria)).notifications.filter((n) => n.incidentId === incident.id)).toEqual([]);

    await ok(
      olga,
      'POST',
      `/api/desk/incidents/${incident.id}/comments`,
      { body: 'Starta om datorn', internal: false },
      201,
    );
    await ok(maria, 'POST', `/api/desk/incidents/${incident.id}/comments`, { body: 'Det hjälpte inte' }, 201);
    await ok(olga, 'POST', `/api/desk/incidents/${incident.id}/status`, { status: 'resolved' });

    const marias = (await notificationsOf(maria)).notifications.filter((n) => n.incidentId === incident.id);
    expect(marias.map((n) => [n.event, n.excerpt])).toEqual([
      ['resolved', null],
      ['agent_reply', 'Starta om datorn'],
    ]);
    const olgas = (await notificationsOf(olga)).notifications.filter((n) => n.incidentId === incident.id);
    expect(olgas.map((n) => [n.event, n.excerpt, n.actorName])).toEqual([
      ['requester_reply', 'Det hjälpte inte', nameOf(maria)],
    ]);

    const mails = await queuedMail('maria@example.org', incident.reference);
    expect(mails.map((m) => m.subject)).toEqual([
      `[${incident.reference}] Nytt svar på ditt ärende: Skärmen är svart`,
      `[${incident.reference}] Ditt ärende är löst: Skärmen är svart`,
    ]);
    expect(mails.map((m) => m.text_body).join('\n')).not.toContain('Hemlig');
    await smtp.waitFor((m) => m.parsed.subject === mails[1]?.subject);
  });

  it('keeps to each user’s choices, and refuses events a user cannot receive', async () => {
    const before = await ok(maria, 'GET', '/api/desk/notifications/preferences');
    expect(before.emailAddress).toBe('maria@example.org');
    expect(before.preferences.map((p: { event: string }) => p.event)).toEqual(['agent_reply', 'resolved']);
    const saved = await ok(maria, 'PUT', '/api/desk/notifications/preferences', {
      preferences: [
        { event: 'agent_reply', inApp: true, email: false },
        { event: 'resolved', inApp: false, email: false },
      ],
    });
    expect(saved.preferences).toEqual([
      { event: 'agent_reply', inApp: true, email: false },
      { event: 'resolved', inApp: false, email: false },
    ]);
    const foreign = await as(maria, 'PUT', '/api/desk/notifications/preferences', {
      preferences: [{ event: 'assigned', inApp: true, email: true }],
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0].path).toBe('body.preferences.0.event');

    const incident = await report(maria);
    await ok(olga, 'POST', `/api/desk/incidents/${incident.id}/comments`, { body: 'Vi tittar på det' }, 201);
    // Resolved with a reply is one notice, `resolved` (she turned it off), not a second `agent_reply`.
    await ok(olga, 'POST', `/api/desk/incidents/${incident.id}/status`, { status: 'resolved', comment: 'Klart' });
    const marias = (await notificationsOf(maria)).notifications.filter((n) => n.incidentId === incident.id);
    expect(marias.map((n) => n.event)).toEqual(['agent_reply']);
    expect(await queuedMail('maria@example.org', incident.reference)).toEqual([]);
  });

  it('tells a group’s members of a new incident in it, and opted-in agents of unassigned ones', async () => {
    const group = await ok(node.admin, 'POST', '/api/desk/groups', { name: 'Notisgruppen', active: true }, 201);
    await ok(node.admin, 'PUT', `/api/desk/groups/${group.id}/members`, { userIds: [olga.id, sergej.id] });
    await ok(sergej, 'PUT', '/api/desk/notifications/preferences', {
      preferences: [{ event: 'unassigned_incident', inApp: true, email: false }],
    });
    const inGroup = await report(maria, {});
    await ok(node.admin, 'PATCH', `/api/desk/incidents/${inGroup.id}`, { groupId: group.id });
    const loose = await report(maria);
    const of = async (user: User, id: string) =>
      (await notificationsOf(user)).notifications.filter((n) => n.incidentId === id).map((n) => n.event);
    expect(await of(olga, inGroup.id)).toEqual(['group_incident']);
    expect(await of(sergej, inGroup.id)).toEqual(['group_incident', 'unassigned_incident']);
    expect(await of(olga, loose.id)).toEqual([]);
    expect(await of(sergej, loose.id)).toEqual(['unassigned_incident']);
  });

  it('pages newest first by keyset, counts unread and marks read only one’s own', async () => {
    const first = await notificationsOf(sergej, '?limit=2');
    expect(first.notifications).toHaveLength(2);
    expect(first.nextBefore).toBe(first.notifications[1]?.id);
    const second = await notificationsOf(sergej, `?limit=2&before=${first.nextBefore}`);
    const ids = [...first.notifications, ...second.notifications].map((n) => n.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);

    const unread = first.unread;
    const target = first.notifications[0] as Notification;
    expect((await as(olga, 'POST', `/api/desk/notifications/${target.id}/read`)).statusCode).toBe(404);
    expect(await ok(sergej, 'POST', `/api/desk/notifications/${target.id}/read`)).toEqual({ unread: unread - 1 });
    expect(await ok(sergej, 'POST', '/api/desk/notifications/read-all')).toEqual({ unread: 0 });
    expect((await notificationsOf(sergej, '?unread=true')).notifications).toEqual([]);
    // Without a desk permission there is nothing to read.
    const stranger = await node.userWith([]);
    expect((await as(stranger, 'GET', '/api/desk/notifications')).statusCode).toBe(403);
  });
});
