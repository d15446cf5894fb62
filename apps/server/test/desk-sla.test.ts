import { type Incident, type IncidentDetail, slaClocks } from '@kontor/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from './stores.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const office = { open: '08:00', close: '17:00' };
const WEEKDAYS = [office, office, office, office, office, null, null];
const ALWAYS = Array.from({ length: 7 }, () => ({ open: '00:00', close: '24:00' }));

describeEachStore('desk: SLA timers', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let agent: Session & { id: string };
  let deskAdmin: Session & { id: string };

  const as = (session: Session, method: Method, url: string, payload?: object): Promise<LightMyRequestResponse> =>
    node.app.inject({ method, url, payload, headers: session.headers });
  const ok = async (session: Session, method: Method, url: string, payload?: object, status = 200) =>
    (await expectStatus(as(session, method, url, payload), status)).json();
  const report = (payload: object): Promise<IncidentDetail> =>
    ok(agent, 'POST', '/api/desk/incidents', { title: 'Servern svarar inte', description: '', ...payload }, 201);
  const setColumns = (id: string, columns: Record<string, string | null>) =>
    node.platform.db.updateTable('desk.incidents').set(columns).where('id', '=', id).execute();
  /** Changes the priority away and back: the clocks restart from the incident's creation under the policy. */
  const reschedule = async (id: string, priority: string) => {
    await ok(agent, 'PATCH', `/api/desk/incidents/${id}`, { priority: priority === 'low' ? 'normal' : 'low' });
    return ok(agent, 'PATCH', `/api/desk/incidents/${id}`, { priority }) as Promise<IncidentDetail>;
  };

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location);
    agent = await node.userWith(['desk.agent']);
    deskAdmin = await node.userWith(['desk.admin']);
  });
  afterAll(async () => {
    await node?.close();
    await release?.();
  });

  it('seeds the Stockholm office calendar and a policy per priority', async () => {
    const { calendars } = await ok(deskAdmin, 'GET', '/api/desk/sla/calendars');
    const stockholm = calendars.find((c: { name: string }) => c.name === 'Stockholm office');
    expect(stockholm).toMatchObject({ timeZone: 'Europe/Stockholm', hours: WEEKDAYS });
    expect(stockholm.holidays).toContain(`${new Date().getUTCFullYear()}-12-25`);
    const { policies } = await ok(deskAdmin, 'GET', '/api/desk/sla/policies');
    expect(policies).toEqual(
      expect.arrayContaining([
        { priority: 'critical', calendarId: stockholm.id, responseMinutes: 30, resolutionMinutes: 240 },
        { priority: 'normal', calendarId: stockholm.id, responseMinutes: 240, resolutionMinutes: 1620 },
      ]),
    );
    // The demo incidents have clocks.
    const { incidents } = await ok(agent, 'GET', '/api/desk/incidents?limit=200');
    expect(incidents.every((i: Incident) => i.responseDueAt && i.resolutionDueAt)).toBe(true);
  });

  it('lets only desk admins change calendars and policies, audited, with bad input named', async () => {
    const input = { name: 'Kontoret', timeZone: 'Europe/Stockholm', hours: WEEKDAYS, holidays: [] };
    expect((await as(agent, 'POST', '/api/desk/sla/calendars', input)).statusCode).toBe(403);
    const badZone = await as(deskAdmin, 'POST', '/api/desk/sla/calendars', { ...input, timeZone: 'Mars/Olympus' });
    expect(badZone.statusCode).toBe(422);
    expect(badZone.json().errors[0].path).toBe('body.timeZone');
    const closed = await as(deskAdmin, 'POST', '/api/desk/sla/calendars', { ...input, hours: Array(7).fill(null) });
    expect(closed.statusCode).toBe(400);
    expect(closed.json().errors[0].path).toBe('body.hours');
    const backwards = await as(deskAdmin, 'POST', '/api/desk/sla/calendars', {
      ...input,
      hours: [{ open: '17:00', close: '08:00' }, ...WEEKDAYS.slice(1)],
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].path).toBe('body.hours.0.close');
    const created = await ok(deskAdmin, 'POST', '/api/desk/sla/calendars', input, 201);
    expect((await as(deskAdmin, 'POST', '/api/desk/sla/calendars', input)).statusCode).toBe(409);
    const unknown = await as(deskAdmin, 'PUT', '/api/desk/sla/policies/low', {
      calendarId: '00000000-0000-4000-8000-000000000000',
      responseMinutes: 60,
      resolutionMinutes: 600,
    });
    expect(unknown.statusCode).toBe(422);
    const audit = await sql<{
      action: string;
    }>`select action from audit.entries where entity_id = ${created.id}`.execute(node.platform.db);
    expect(audit.rows.map((row) => row.action)).toEqual(['desk.calendar.create']);
  });

  it('carries a Friday-afternoon incident’s due times to Monday, and past a holiday to Tuesday', async () => {
    const calendar = await ok(
      deskAdmin,
      'POST',
      '/api/desk/sla/calendars',
      { name: 'Testkontoret', timeZone: 'Europe/Stockholm', hours: WEEKDAYS, holidays: [] },
      201,
    );
    await ok(deskAdmin, 'PUT', '/api/desk/sla/policies/high', {
      calendarId: calendar.id,
      responseMinutes: 60,
      resolutionMinutes: 480,
    });
    const incident = await report({ priority: 'high' });
    expect(incident.responseDueAt).not.toBeNull();
    // Friday 27 November 2026, 16:30 in Stockholm (UTC+1).
    await setColumns(incident.id, { created_at: '2026-11-27T15:30:00Z' });
    const friday = await reschedule(incident.id, 'high');
    // 30 minutes on Friday, 30 on Monday from 08:00; resolution: 30 on Friday, 450 on Monday → 15:30.
    expect(friday.responseDueAt).toBe('2026-11-30T07:30:00.000Z');
    expect(friday.resolutionDueAt).toBe('2026-11-30T14:30:00.000Z');

    await ok(deskAdmin, 'PUT', `/api/desk/sla/calendars/${calendar.id}`, {
      name: 'Testkontoret',
      timeZone: 'Europe/Stockholm',
      hours: WEEKDAYS,
      holidays: ['2026-11-30'],
    });
    const holiday = await reschedule(incident.id, 'high');
    expect(holiday.responseDueAt).toBe('2026-12-01T07:30:00.000Z');
    expect(holiday.resolutionDueAt).toBe('2026-12-01T14:30:00.000Z');
  });

  it('stops the resolution clock while the incident waits and pushes it back by the wait', async () => {
    const calendar = await ok(
      deskAdmin,
      'POST',
      '/api/desk/sla/calendars',
      { name: 'Dygnet runt', timeZone: 'UTC', hours: ALWAYS, holidays: [] },
      201,
    );
    await ok(deskAdmin, 'PUT', '/api/desk/sla/policies/low', {
      calendarId: calendar.id,
      responseMinutes: 60,
      resolutionMinutes: 600,
    });
    const incident = await report({ priority: 'low' });
    const waiting = await ok(agent, 'POST', `/api/desk/incidents/${incident.id}/status`, { status: 'waiting' });
    expect(waiting.slaPausedSince).not.toBeNull();
    expect(slaClocks(waiting, new Date()).resolution?.state).toBe('paused');
    // The wait began two hours ago (on a calendar open around the clock, 120 business minutes).
    const since = new Date(Date.now() - 2 * 3_600_000);
    await setColumns(incident.id, { waiting_since: since.toISOString() });
    const resumed: IncidentDetail = await ok(agent, 'POST', `/api/desk/incidents/${incident.id}/status`, {
      status: 'in_progress',
    });
    expect(resumed.slaPausedSince).toBeNull();
    const pushedBack =
      (Date.parse(resumed.resolutionDueAt ?? '') - Date.parse(incident.resolutionDueAt ?? '')) / 60_000;
    expect(pushedBack).toBeGreaterThanOrEqual(119);
    expect(pushedBack).toBeLessThanOrEqual(121);
    // The response clock does not wait.
    expect(resumed.responseDueAt).toBe(incident.responseDueAt);
  });

  it('filters sla:breached to exactly the breached incidents, and due:<2h to those due soon', async () => {
    const late = await report({ priority: 'critical', title: 'Sen' });
    await setColumns(late.id, { response_due_at: new Date(Date.now() - 3_600_000).toISOString() });
    const soon = await report({ priority: 'critical', title: 'Snart' });
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    await setColumns(soon.id, { response_due_at: inAnHour, response_warn_at: inAnHour });

    const all: Incident[] = (await ok(agent, 'GET', '/api/desk/incidents?limit=200')).incidents;
    const now = new Date();
    const breached = all.filter((incident) => {
      const { response, resolution } = slaClocks(incident, now);
      return response?.state === 'breached' || resolution?.state === 'breached';
    });
    const filtered: Incident[] = (
      await ok(agent, 'GET', `/api/desk/incidents?limit=200&q=${encodeURIComponent('sla:breached')}`)
    ).incidents;
    expect(filtered.map((i) => i.id).sort()).toEqual(breached.map((i) => i.id).sort());
    expect(filtered.map((i) => i.id)).toContain(late.id);
    expect(filtered.map((i) => i.id)).not.toContain(soon.id);

    const dueSoon: Incident[] = (
      await ok(agent, 'GET', `/api/desk/incidents?limit=200&q=${encodeURIComponent('due:<2h -sla:breached')}`)
    ).incidents;
    expect(dueSoon.map((i) => i.id)).toContain(soon.id);
    expect(dueSoon.map((i) => i.id)).not.toContain(late.id);

    const typo = await as(agent, 'GET', `/api/desk/incidents?q=${encodeURIComponent('status:open sla:late')}`);
    expect(typo.statusCode).toBe(400);
    expect(typo.json()).toMatchObject({ code: 'desk.query_syntax', position: 16, length: 4 });
    expect(typo.json().expected).toEqual(['ok', 'at_risk', 'breached']);
  });

  it('warns and reports breaches to the assignee once, however often the job runs', async () => {
    const assignee = await node.userWith(['desk.agent']);
    const incident = await report({ priority: 'critical', assigneeId: assignee.id });
    const past = new Date(Date.now() - 60_000).toISOString();
    const future = new Date(Date.now() + 3_600_000).toISOString();
    await setColumns(incident.id, { response_warn_at: past, response_due_at: future });
    await node.platform.jobs.runNow('desk.sla-watch');
    await node.platform.jobs.runNow('desk.sla-watch');
    await setColumns(incident.id, { response_due_at: past });
    await node.platform.jobs.runNow('desk.sla-watch');
    await node.platform.jobs.runNow('desk.sla-watch');
    const { notifications } = await ok(assignee, 'GET', '/api/desk/notifications');
    expect(
      notifications
        .filter((n: { incidentId: string }) => n.incidentId === incident.id)
        .map((n: { event: string }) => n.event),
    ).toEqual(['sla_breach', 'sla_warning', 'assigned']);
  });
});
