import { readFileSync } from 'node:fs';
import type { DeskDashboard, IncidentDetail } from '@kontor/contracts';
import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeEachStore } from './stores.js';
import { expectStatus, type Session, startTestNode, type TestNode } from './test-node.js';

const ZONE = 'Europe/Stockholm';
const grafana = JSON.parse(readFileSync(new URL('../../../deploy/grafana/desk.json', import.meta.url), 'utf8'));

/** Every PromQL expression of the Grafana dashboard's panels (rows may nest panels). */
function grafanaExpressions(panels: Array<{ panels?: unknown[]; targets?: Array<{ expr?: string }> }>): string[] {
  return panels.flatMap((panel) => [
    ...(panel.targets ?? []).flatMap((target) => (target.expr ? [target.expr] : [])),
    ...grafanaExpressions((panel.panels ?? []) as typeof panels),
  ]);
}

describeEachStore('desk: dashboard and Prometheus metrics', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;
  let agent: Session;
  let requester: Session;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    // No demo incidents: the figures below come from the incidents this test makes.
    node = await startTestNode(created.location, { demo: false, timeZone: ZONE });
    agent = await node.userWith(['desk.agent']);
    requester = await node.userWith(['desk.request']);
  });
  afterAll(async () => {
    await node?.close();
    await release?.();
  });

  const report = async (payload: object): Promise<IncidentDetail> =>
    (
      await expectStatus(
        node.app.inject({
          method: 'POST',
          url: '/api/desk/incidents',
          headers: agent.headers,
          payload: { title: 'VPN nere', ...payload },
        }),
        201,
      )
    ).json();
  const resolve = (id: string) =>
    expectStatus(
      node.app.inject({
        method: 'POST',
        url: `/api/desk/incidents/${id}/status`,
        headers: agent.headers,
        payload: { status: 'resolved' },
      }),
      200,
    );
  /** `hour` o'clock, `daysAgo` days before today, on the organisation's wall clock. */
  const local = (daysAgo: number, hour: number) =>
    sql`((date_trunc('day', now() at time zone ${ZONE}) - ${daysAgo}::int * interval '1 day' + ${hour}::int * interval '1 hour') at time zone ${ZONE})`;
  const setTimes = (id: string, times: Record<string, RawBuilder<unknown>>) =>
    sql`update desk.incidents set ${sql.join(
      Object.entries(times).map(([column, value]) => sql`${sql.ref(column)} = ${value}`),
    )} where id = ${id}`.execute(node.platform.db);
  const dashboard = async (query: string, session: Session = agent): Promise<DeskDashboard> =>
    (
      await expectStatus(node.app.inject({ url: `/api/desk/dashboard?${query}`, headers: session.headers }), 200)
    ).json();
  const scrape = async () =>
    (await expectStatus(node.app.inject({ url: '/metrics', headers: node.admin.headers }), 200)).body;
  const sample = (text: string, series: string) => {
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : 0;
  };

  it('counts a known set of incidents per day in the organisation’s time zone, filtered by q', async () => {
    // A: high, created two days ago at 10, resolved a day later; its resolution target passed unmet two days ago.
    const a = await report({ priority: 'high', labels: ['dash'] });
    await resolve(a.id);
    await setTimes(a.id, {
      created_at: local(2, 10),
      resolved_at: sql`${local(2, 10)} + interval '24 hours'`,
      resolution_due_at: local(2, 18),
    });
    // B: high, resolved two hours after it came two days ago, never answered: its response target passed then.
    const b = await report({ priority: 'high', labels: ['dash'] });
    await resolve(b.id);
    await setTimes(b.id, {
      created_at: local(2, 9),
      resolved_at: sql`${local(2, 9)} + interval '2 hours'`,
      response_due_at: local(2, 10),
    });
    // C: critical, open since yesterday, unanswered past its response target; resolution not yet due.
    const c = await report({ priority: 'critical', labels: ['dash'] });
    await setTimes(c.id, {
      created_at: local(1, 8),
      response_due_at: local(1, 9),
      resolution_due_at: sql`now() + interval '1 day'`,
    });
    // D: low, open, today, not labelled.
    await report({ priority: 'low', labels: ['other'] });
    // E: resolved long before the period.
    const e = await report({ priority: 'normal', labels: ['dash'] });
    await resolve(e.id);
    await setTimes(e.id, { created_at: local(40, 12), resolved_at: sql`${local(40, 12)} + interval '120 hours'` });

    const all = await dashboard('days=7');
    expect(all.timeZone).toBe(ZONE);
    expect(all.perDay).toHaveLength(7);
    expect(all.openByPriority).toEqual([
      { priority: 'low', count: 1 },
      { priority: 'normal', count: 0 },
      { priority: 'high', count: 0 },
      { priority: 'critical', count: 1 },
    ]);
    const [twoDaysAgo, yesterday, today] = all.perDay.slice(-3);
    expect(twoDaysAgo).toMatchObject({ created: 2, resolved: 1, responseBreaches: 1, resolutionBreaches: 1 });
    expect(yesterday).toMatchObject({ created: 1, resolved: 1, responseBreaches: 1, resolutionBreaches: 0 });
    expect(today).toMatchObject({ created: 1, resolved: 0, responseBreaches: 0, resolutionBreaches: 0 });
    expect(today?.day).toBe(all.to);
    expect(all.perDay.slice(0, 4).every((day) => day.created === 0 && day.resolved === 0)).toBe(true);
    expect(all.breachedOpen).toEqual({ response: 1, resolution: 0 });
    // A took 24 hours, B two: E was resolved before the period.
    expect(all.timeToResolve.find((row) => row.priority === 'high')).toEqual({
      priority: 'high',
      resolved: 2,
      meanSeconds: 13 * 3600,
      medianSeconds: 13 * 3600,
    });
    expect(all.timeToResolve.find((row) => row.priority === 'normal')).toMatchObject({
      resolved: 0,
      meanSeconds: null,
    });
    const longer = await dashboard('days=60');
    expect(longer.timeToResolve.find((row) => row.priority === 'normal')).toMatchObject({
      resolved: 1,
      meanSeconds: 5 * 24 * 3600,
    });

    const labelled = await dashboard(`days=7&q=${encodeURIComponent('label:dash')}`);
    expect(labelled.openByPriority.find((row) => row.priority === 'low')?.count).toBe(0);
    expect(labelled.perDay.at(-1)?.created).toBe(0);
    expect(labelled.perDay.at(-3)?.created).toBe(2);
    const critical = await dashboard(`days=7&q=${encodeURIComponent('priority:critical')}`);
    expect(critical.breachedOpen).toEqual({ response: 1, resolution: 0 });
    expect(critical.perDay.reduce((sum, day) => sum + day.created, 0)).toBe(1);

    // A saved filter narrows the same way, and together with q both must hold.
    const saved = await expectStatus(
      node.app.inject({
        method: 'POST',
        url: '/api/desk/filters',
        headers: agent.headers,
        payload: { name: 'Dashboard', query: 'label:dash' },
      }),
      201,
    );
    const filterId = saved.json().id as string;
    expect((await dashboard(`days=7&filterId=${filterId}`)).perDay).toEqual(labelled.perDay);
    const both = await dashboard(`days=7&filterId=${filterId}&q=${encodeURIComponent('priority:high')}`);
    expect(both.perDay.at(-3)).toMatchObject({ created: 2, resolved: 1 });
    expect(both.openByPriority.every((row) => row.count === 0)).toBe(true);
    const otherAgent = await node.userWith(['desk.agent']);
    const hidden = await node.app.inject({
      url: `/api/desk/dashboard?filterId=${filterId}`,
      headers: otherAgent.headers,
    });
    expect(hidden.statusCode).toBe(422);
    expect(hidden.json().errors[0].path).toBe('querystring.filterId');
  });

  it('answers a filter it cannot read with 400 and the position, and refuses requesters', async () => {
    const broken = await node.app.inject({
      url: `/api/desk/dashboard?q=${encodeURIComponent('status:open priority:>=')}`,
      headers: agent.headers,
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'desk.query_syntax', position: expect.any(Number) });
    expect(broken.json().errors[0].path).toBe('querystring.q');
    expect((await node.app.inject({ url: '/api/desk/dashboard?days=0', headers: agent.headers })).statusCode).toBe(400);
    expect((await node.app.inject({ url: '/api/desk/dashboard', headers: requester.headers })).statusCode).toBe(403);
  });

  it('exposes the desk’s gauges, counters and histogram at /metrics and moves them after each commit', async () => {
    const before = await scrape();
    const createdSeries = 'kontor_desk_incidents_created_total{channel="web",priority="critical"}';
    const resolvedSeries = 'kontor_desk_incidents_resolved_total{priority="critical"}';
    const openSeries = 'kontor_desk_incidents_open{priority="critical",status="new"}';
    const histogramSeries = 'kontor_desk_time_to_resolve_seconds_count{priority="critical"}';
    expect(sample(before, openSeries)).toBe(1);
    expect(sample(before, 'kontor_desk_sla_breached_open{kind="response"}')).toBe(1);

    const incident = await report({ priority: 'critical' });
    await vi.waitFor(async () => expect(sample(await scrape(), createdSeries)).toBe(sample(before, createdSeries) + 1));
    expect(sample(await scrape(), openSeries)).toBe(2);

    await resolve(incident.id);
    await vi.waitFor(async () => {
      const after = await scrape();
      expect(sample(after, resolvedSeries)).toBe(sample(before, resolvedSeries) + 1);
      expect(sample(after, histogramSeries)).toBe(sample(before, histogramSeries) + 1);
    });
    expect(sample(await scrape(), openSeries)).toBe(1);
  });

  it('uses in the Grafana dashboard only metrics that /metrics exposes', async () => {
    expect(grafana.schemaVersion).toBeGreaterThanOrEqual(39);
    expect(grafana.__inputs).toEqual([expect.objectContaining({ name: 'DS_PROMETHEUS', pluginId: 'prometheus' })]);
    const exposed = await scrape();
    const expressions = grafanaExpressions(grafana.panels);
    expect(expressions.length).toBeGreaterThanOrEqual(6);
    const names = new Set(expressions.flatMap((expr) => expr.match(/kontor_[a-z_]+/g) ?? []));
    expect(names.size).toBeGreaterThanOrEqual(5);
    for (const name of names) {
      const family = name.replace(/_(bucket|sum|count)$/, '');
      expect(exposed, `${name} is not exposed at /metrics`).toMatch(new RegExp(`^# TYPE ${family} `, 'm'));
    }
  });
});
