import { z } from 'zod';
import { incidentPriorities } from './desk.js';

/** `GET /api/desk/dashboard`: every figure counts only the incidents the saved filter and `q` match. */
export const deskDashboardQuery = z.strictObject({
  /** The filter language (docs/query-language.md); empty: every incident. */
  q: z.string().max(1000).optional(),
  /** A saved filter the caller can see (their own, or shared with their group); combined with `q` by AND. */
  filterId: z.uuid().optional(),
  /** How many days back, today included, the per-day series and the time to resolve cover. */
  days: z.coerce.number().int().min(1).max(366).default(30),
});
export type DeskDashboardQuery = z.input<typeof deskDashboardQuery>;

const count = z.number().int().min(0);
const priority = z.enum(incidentPriorities);

export const deskDashboard = z.object({
  /** The organisation's time zone: where a day begins and ends. */
  timeZone: z.string(),
  /** The first and last day of the period (today), as calendar dates in that time zone. */
  from: z.iso.date(),
  to: z.iso.date(),
  /** Incidents now new, in progress or waiting, per priority (every priority present). */
  openByPriority: z.array(z.object({ priority, count })),
  /**
   * One entry per day of the period: incidents created and resolved that day, and SLA targets missed that day
   * (a target is missed on the day it passed, whether the response or resolution came late or not yet).
   */
  perDay: z.array(
    z.object({
      day: z.iso.date(),
      created: count,
      resolved: count,
      responseBreaches: count,
      resolutionBreaches: count,
    }),
  ),
  /** Open incidents that have missed their first-response or resolution target. */
  breachedOpen: z.object({ response: count, resolution: count }),
  /** Of the incidents resolved in the period, per priority: how many, and the mean and median time it took. */
  timeToResolve: z.array(
    z.object({ priority, resolved: count, meanSeconds: z.number().nullable(), medianSeconds: z.number().nullable() }),
  ),
});
export type DeskDashboard = z.infer<typeof deskDashboard>;
