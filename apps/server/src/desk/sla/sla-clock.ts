import type { StoredIncident } from '../tables.js';
import { addBusinessMinutes, type BusinessCalendar, businessMinutesBetween } from './business-hours.js';

/** Share of a target after which the SLA job warns that it is about to be breached. */
export const WARN_AT = 0.8;

export interface Targets {
  responseMinutes: number;
  resolutionMinutes: number;
  calendar: BusinessCalendar;
}

/**
 * The clock columns of an incident under `targets`, counted from its creation. The resolution clock is pushed
 * back by the business minutes it was paused (waiting) — see docs/desk-sla.md.
 */
export function scheduleClocks(createdAt: Date, pausedMinutes: number, targets: Targets | undefined) {
  if (!targets)
    return { response_due_at: null, response_warn_at: null, resolution_due_at: null, resolution_warn_at: null };
  const { calendar } = targets;
  const after = (minutes: number) => addBusinessMinutes(createdAt, minutes, calendar);
  return {
    response_due_at: after(targets.responseMinutes),
    response_warn_at: after(targets.responseMinutes * WARN_AT),
    resolution_due_at: after(targets.resolutionMinutes + pausedMinutes),
    resolution_warn_at: after(targets.resolutionMinutes * WARN_AT + pausedMinutes),
  };
}

/**
 * The business minutes a wait from `waitingSince` to `now` stopped the resolution clock. A clock already
 * breached when the wait began stays breached: the wait does not count then.
 */
export function pausedMinutes(
  incident: Pick<StoredIncident, 'waiting_since' | 'resolution_due_at'>,
  now: Date,
  calendar: BusinessCalendar,
): number {
  const { waiting_since: since, resolution_due_at: due } = incident;
  if (!since || !due || new Date(due).getTime() <= new Date(since).getTime()) return 0;
  return Math.max(0, Math.round(businessMinutesBetween(new Date(since), now, calendar)));
}

export type SlaNotice = {
  kind: 'response_warning' | 'response_breach' | 'resolution_warning' | 'resolution_breach';
  dueAt: Date;
};

/** Which notices an open incident's clocks call for at `now`: a breach, else a warning, per running clock. */
export function noticesDue(
  incident: Pick<
    StoredIncident,
    'status' | 'first_response_at' | 'response_due_at' | 'response_warn_at' | 'resolution_due_at' | 'resolution_warn_at'
  >,
  now: Date,
): SlaNotice[] {
  const notices: SlaNotice[] = [];
  const check = (clock: 'response' | 'resolution', due: Date | null, warn: Date | null) => {
    if (!due) return;
    if (now.getTime() > new Date(due).getTime()) notices.push({ kind: `${clock}_breach`, dueAt: new Date(due) });
    else if (warn && now.getTime() >= new Date(warn).getTime())
      notices.push({ kind: `${clock}_warning`, dueAt: new Date(due) });
  };
  if (!incident.first_response_at) check('response', incident.response_due_at, incident.response_warn_at);
  if (incident.status !== 'waiting') check('resolution', incident.resolution_due_at, incident.resolution_warn_at);
  return notices;
}
