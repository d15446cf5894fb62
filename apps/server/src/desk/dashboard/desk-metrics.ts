import { randomUUID } from 'node:crypto';
import { type IncidentChannel, type IncidentPriority, incidentPriorities } from '@kontor/contracts';
import { sql } from 'kysely';
import { Counter, Gauge, Histogram } from 'prom-client';
import { Outbox } from '../../platform/events/outbox.js';
import type { Platform } from '../../platform/platform.js';
import type { IncidentObserver } from '../incident-service.js';
import { dashboardRepository, OPEN_STATUSES } from './dashboard-repository.js';

/**
 * Not a live topic (no permission defines it), so no browser hears it: it only carries a committed change's
 * increments back to the hub instance whose transaction made it.
 */
const METRICS_TOPIC = 'metrics.desk';
const HOUR = 3600;

type Counted =
  | { instance: string; kind: 'created'; channel: IncidentChannel; priority: IncidentPriority }
  | { instance: string; kind: 'resolved'; priority: IncidentPriority; seconds: number };

/**
 * The desk's Prometheus metrics (docs/desk-dashboards.md). Gauges are read from the database at each scrape, on
 * the hub only (a client node holds no incidents). Counters and the histogram count changes *after commit*: the
 * observer adds an outbox event in the change's own transaction, and this instance counts it when the outbox
 * publishes it, so a rolled-back change is never counted and each change is counted by one instance only.
 */
export function deskMetrics(platform: Platform, isHub: () => boolean): IncidentObserver {
  const registers = [platform.metrics.registry];
  const instance = randomUUID();
  const fromDatabase = async (what: string, read: () => Promise<void>) => {
    if (!isHub()) return;
    try {
      await read();
    } catch (error) {
      platform.logger.warn({ err: error }, `could not read ${what} for /metrics`);
    }
  };

  new Gauge({
    name: 'kontor_desk_incidents_open',
    help: 'Incidents new, in progress or waiting, by priority and status',
    labelNames: ['priority', 'status'] as const,
    registers,
    async collect() {
      this.reset();
      await fromDatabase('open incidents', async () => {
        for (const priority of incidentPriorities)
          for (const status of OPEN_STATUSES) this.set({ priority, status }, 0);
        for (const row of await dashboardRepository.openByPriorityAndStatus(platform.db))
          this.set({ priority: row.priority, status: row.status }, row.n);
      });
    },
  });
  new Gauge({
    name: 'kontor_desk_sla_breached_open',
    help: 'Open incidents that have missed their first-response or resolution target, by kind',
    labelNames: ['kind'] as const,
    registers,
    async collect() {
      this.reset();
      await fromDatabase('SLA breaches', async () => {
        const breached = await dashboardRepository.breachedOpen(platform.db, { where: sql`true`, now: new Date() });
        this.set({ kind: 'response' }, breached.response);
        this.set({ kind: 'resolution' }, breached.resolution);
      });
    },
  });
  const created = new Counter({
    name: 'kontor_desk_incidents_created_total',
    help: 'Incidents created, by channel and priority',
    labelNames: ['channel', 'priority'] as const,
    registers,
  });
  const resolved = new Counter({
    name: 'kontor_desk_incidents_resolved_total',
    help: 'Incidents moved to resolved (a reopened incident resolved again counts again), by priority',
    labelNames: ['priority'] as const,
    registers,
  });
  const timeToResolve = new Histogram({
    name: 'kontor_desk_time_to_resolve_seconds',
    help: 'From creation to resolution, by priority',
    labelNames: ['priority'] as const,
    buckets: [0.25, 1, 2, 4, 8, 24, 48, 72, 168, 336, 720].map((hours) => hours * HOUR),
    registers,
  });

  platform.bus.subscribe((event) => {
    if (event.topic !== METRICS_TOPIC) return;
    const counted = event.payload as Counted;
    if (counted.instance !== instance) return;
    if (counted.kind === 'created') created.inc({ channel: counted.channel, priority: counted.priority });
    else {
      resolved.inc({ priority: counted.priority });
      timeToResolve.observe({ priority: counted.priority }, counted.seconds);
    }
  });

  return async (trx, change) => {
    const { incident } = change;
    if (change.kind === 'created')
      await Outbox.add(trx, METRICS_TOPIC, {
        instance,
        kind: 'created',
        channel: incident.channel,
        priority: incident.priority,
      } satisfies Counted);
    else if (
      change.kind === 'status' &&
      incident.status === 'resolved' &&
      change.before?.status !== 'resolved' &&
      incident.resolved_at
    )
      await Outbox.add(trx, METRICS_TOPIC, {
        instance,
        kind: 'resolved',
        priority: incident.priority,
        seconds: Math.max(0, (incident.resolved_at.getTime() - incident.created_at.getTime()) / 1000),
      } satisfies Counted);
  };
}
