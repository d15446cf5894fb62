import { randomUUID } from 'node:crypto';
import type { Calendar, calendarInput, IncidentPriority, SlaPolicy, slaPolicyInput } from '@kontor/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../platform/context.js';
import { notFound } from '../../platform/http/errors.js';
import type { Db, Platform } from '../../platform/platform.js';
import { nameTaken, unprocessable } from '../errors.js';
import type { IncidentChange } from '../incident-service.js';
import type { StoredIncident } from '../tables.js';
import { noticesDue, pausedMinutes, type SlaNotice, scheduleClocks } from './sla-clock.js';
import { slaRepository } from './sla-repository.js';
import type { SlaDb } from './tables.js';

type CalendarInput = z.output<typeof calendarInput>;
/** Told inside the SLA job's transaction, once per incident, kind and due time. */
export type SlaNoticeListener = (trx: Db, incidentId: string, notice: SlaNotice) => Promise<void>;

export const SLA_JOB = 'desk.sla-watch';
const SLA_JOB_EVERY_MS = 60_000;
const SLA_JOB_BATCH = 500;

const toCalendar = (row: {
  id: string;
  name: string;
  time_zone: string;
  hours: Calendar['hours'];
  holidays: string[];
}): Calendar => ({ id: row.id, name: row.name, timeZone: row.time_zone, hours: row.hours, holidays: row.holidays });

function checkTimeZone(timeZone: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw unprocessable('unknown_time_zone', `“${timeZone}” is not an IANA time zone`, [
      { path: 'body.timeZone', message: 'is not an IANA time zone, e.g. Europe/Stockholm' },
    ]);
  }
}

/** SLA timers (docs/desk-sla.md): calendars and policies kept by desk admins, clocks set on every change. */
export class SlaService {
  readonly #db: SlaDb;
  readonly #listeners: SlaNoticeListener[] = [];

  constructor(private readonly platform: Platform) {
    this.#db = platform.db as SlaDb;
  }

  /** Registers the job that warns of and reports breaches (once, from the module's init). */
  scheduleWatch() {
    this.platform.jobs.every(SLA_JOB, SLA_JOB_EVERY_MS, ({ db }) => this.watch(db));
  }

  onNotice(listener: SlaNoticeListener) {
    this.#listeners.push(listener);
  }

  calendars = async () => ({ calendars: (await slaRepository.calendars(this.#db)).map(toCalendar) });

  async createCalendar(ctx: RequestContext, input: CalendarInput): Promise<Calendar> {
    checkTimeZone(input.timeZone);
    return this.platform.transaction(async (trx) => {
      const db = trx as SlaDb;
      if (await slaRepository.calendarByName(db, input.name)) throw nameTaken('body.name', input.name);
      const calendar = { id: randomUUID(), ...input, holidays: [...new Set(input.holidays)].sort() };
      await slaRepository.insertCalendar(db, this.#row(calendar));
      await this.platform.audit.record(trx, ctx, {
        action: 'desk.calendar.create',
        entity: 'desk.calendar',
        entityId: calendar.id,
        after: calendar,
      });
      return calendar;
    });
  }

  /** Replaces a calendar; incidents keep the due times they have, new clocks use the new hours. */
  async updateCalendar(ctx: RequestContext, id: string, input: CalendarInput): Promise<Calendar> {
    checkTimeZone(input.timeZone);
    return this.platform.transaction(async (trx) => {
      const db = trx as SlaDb;
      const before = await slaRepository.calendar(db, id);
      if (!before) throw notFound('The calendar');
      const twin = await slaRepository.calendarByName(db, input.name);
      if (twin && twin.id !== id) throw nameTaken('body.name', input.name);
      const calendar = { id, ...input, holidays: [...new Set(input.holidays)].sort() };
      await slaRepository.updateCalendar(db, id, this.#row(calendar));
      await this.platform.audit.record(trx, ctx, {
        action: 'desk.calendar.update',
        entity: 'desk.calendar',
        entityId: id,
        before: toCalendar(before),
        after: calendar,
      });
      return calendar;
    });
  }

  policies = async (db: SlaDb = this.#db) => ({
    policies: (await slaRepository.policies(db)).map(
      (row): SlaPolicy => ({
        priority: row.priority,
        calendarId: row.calendar_id,
        responseMinutes: row.response_minutes,
        resolutionMinutes: row.resolution_minutes,
      }),
    ),
  });

  /** Sets the targets of a priority; incidents get them when created or when their priority changes. */
  async setPolicy(
    ctx: RequestContext,
    priority: IncidentPriority,
    input: z.output<typeof slaPolicyInput>,
  ): Promise<SlaPolicy> {
    return this.platform.transaction(async (trx) => {
      const db = trx as SlaDb;
      if (!(await slaRepository.calendar(db, input.calendarId)))
        throw unprocessable('unknown_calendar', 'There is no such calendar', [
          { path: 'body.calendarId', message: 'is not a calendar' },
        ]);
      const before = (await this.policies(db)).policies.find((policy) => policy.priority === priority);
      await slaRepository.setPolicy(db, {
        priority,
        calendar_id: input.calendarId,
        response_minutes: input.responseMinutes,
        resolution_minutes: input.resolutionMinutes,
      });
      const after = { priority, ...input };
      await this.platform.audit.record(trx, ctx, {
        action: 'desk.sla_policy.set',
        entity: 'desk.sla_policy',
        entityId: priority,
        before,
        after,
      });
      return after;
    });
  }

  async deletePolicy(ctx: RequestContext, priority: IncidentPriority): Promise<void> {
    await this.platform.transaction(async (trx) => {
      const before = (await this.policies(trx as SlaDb)).policies.find((policy) => policy.priority === priority);
      if (!before) throw notFound('The SLA policy');
      await slaRepository.deletePolicy(trx as SlaDb, priority);
      await this.platform.audit.record(trx, ctx, {
        action: 'desk.sla_policy.delete',
        entity: 'desk.sla_policy',
        entityId: priority,
        before,
      });
    });
  }

  /**
   * The incident observer: clocks start when an incident is created, restart from its creation under the new
   * priority's policy, stop while it waits and resume (pushed back by the wait) when it stops waiting.
   */
  observe = async (trx: Db, change: IncidentChange): Promise<void> => {
    const db = trx as SlaDb;
    const { incident, before } = change;
    if (change.kind === 'created' || (change.kind === 'updated' && before && before.priority !== incident.priority)) {
      await this.#schedule(db, incident, incident.sla_paused_minutes);
    } else if (change.kind === 'status' && before && before.status !== incident.status) {
      const now = new Date();
      if (incident.status === 'waiting') await slaRepository.setClocks(db, incident.id, { waiting_since: now });
      else if (before.status === 'waiting') {
        const targets = await slaRepository.policyOf(db, incident.priority);
        const paused = targets ? pausedMinutes(incident, now, targets.calendar) : 0;
        await slaRepository.setClocks(db, incident.id, { waiting_since: null });
        if (paused > 0) await this.#schedule(db, incident, incident.sla_paused_minutes + paused);
      }
    }
  };

  /** The job: tells each warning and breach once (marker per incident, kind and due time). */
  async watch(trx: Db): Promise<void> {
    const db = trx as SlaDb;
    const now = new Date();
    for (const incident of await slaRepository.due(db, SLA_JOB_BATCH)) {
      for (const notice of noticesDue(incident, now)) {
        if (!(await slaRepository.markNotice(db, incident.id, notice.kind, notice.dueAt))) continue;
        for (const listener of this.#listeners) await listener(trx, incident.id, notice);
      }
    }
  }

  async #schedule(db: SlaDb, incident: StoredIncident, paused: number) {
    const targets = await slaRepository.policyOf(db, incident.priority);
    await slaRepository.setClocks(db, incident.id, {
      ...scheduleClocks(new Date(incident.created_at), paused, targets),
      sla_paused_minutes: paused,
    });
  }

  #row(calendar: Calendar) {
    return {
      id: calendar.id,
      name: calendar.name,
      time_zone: calendar.timeZone,
      hours: calendar.hours,
      holidays: calendar.holidays,
    };
  }
}
