import { z } from 'zod';
import { type Incident, incidentPriorities } from './desk.js';

/** "HH:MM" on a 24-hour clock; a day may close at "24:00". */
const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'is not a time HH:MM');
const isoDay = z.iso.date();

export const openingHours = z
  .object({ open: clockTime, close: clockTime })
  .refine((hours) => hours.close > hours.open, { message: 'closes before it opens', path: ['close'] });

/** When the desk works (docs/desk-sla.md): a zone, hours per weekday (Monday first), closed dates. */
export const calendarInput = z.strictObject({
  name: z.string().trim().min(1).max(80),
  timeZone: z.string().min(1).max(64),
  hours: z
    .array(openingHours.nullable())
    .length(7)
    .refine((week) => week.some((day) => day !== null), { message: 'has no open day' }),
  holidays: z.array(isoDay).max(400).default([]),
});
export const calendar = calendarInput.extend({ id: z.uuid(), holidays: z.array(isoDay) });
export type Calendar = z.infer<typeof calendar>;
export const calendarList = z.object({ calendars: z.array(calendar) });

/** Targets of one priority in business minutes of its calendar. */
export const slaPolicyInput = z.strictObject({
  calendarId: z.uuid(),
  responseMinutes: z.number().int().min(1).max(525_600),
  resolutionMinutes: z.number().int().min(1).max(525_600),
});
export const slaPolicy = slaPolicyInput.extend({ priority: z.enum(incidentPriorities) });
export type SlaPolicy = z.infer<typeof slaPolicy>;
export const slaPolicyList = z.object({ policies: z.array(slaPolicy) });
export const slaPriorityParams = z.strictObject({ priority: z.enum(incidentPriorities) });

/**
 * Where one clock stands: `running` (due in the future), `breached` (due passed, or met late), `met` (met in
 * time), `paused` (resolution while the incident waits). The server's `sla:` filter follows the same rule.
 */
export type SlaState = 'running' | 'breached' | 'met' | 'paused';
export interface SlaClock {
  dueAt: string;
  state: SlaState;
}

const later = (a: string, b: string) => new Date(a).getTime() > new Date(b).getTime();

/** The response and resolution clocks of an incident at `now`; null where no policy applies. */
export function slaClocks(
  incident: Pick<
    Incident,
    'responseDueAt' | 'resolutionDueAt' | 'slaPausedSince' | 'firstResponseAt' | 'resolvedAt' | 'status'
  >,
  now: Date,
): { response: SlaClock | null; resolution: SlaClock | null } {
  const clock = (dueAt: string | null, doneAt: string | null, pausedSince: string | null): SlaClock | null => {
    if (!dueAt) return null;
    if (doneAt) return { dueAt, state: later(doneAt, dueAt) ? 'breached' : 'met' };
    if (pausedSince) return { dueAt, state: later(pausedSince, dueAt) ? 'breached' : 'paused' };
    return { dueAt, state: now.getTime() > new Date(dueAt).getTime() ? 'breached' : 'running' };
  };
  return {
    // Resolving ends the response clock too: an incident solved without a reply owes none.
    response: clock(incident.responseDueAt, incident.firstResponseAt ?? incident.resolvedAt, null),
    resolution: clock(incident.resolutionDueAt, incident.resolvedAt, incident.slaPausedSince),
  };
}
