import type { IncidentPriority } from '@kontor/contracts';
import { systemContext } from '../../platform/context.js';
import type { Platform } from '../../platform/platform.js';
import { scheduleClocks } from './sla-clock.js';
import { slaRepository } from './sla-repository.js';
import { SlaService } from './sla-service.js';
import { swedishHolidays } from './swedish-holidays.js';
import type { SlaDb } from './tables.js';

const HOUR = 60;
const BUSINESS_DAY = 9 * HOUR;
const TARGETS: Record<IncidentPriority, [number, number]> = {
  critical: [30, 4 * HOUR],
  high: [HOUR, 8 * HOUR],
  normal: [4 * HOUR, 3 * BUSINESS_DAY],
  low: [8 * HOUR, 5 * BUSINESS_DAY],
};

/**
 * The demo SLA: "Stockholm office", Mon–Fri 08:00–17:00 Europe/Stockholm with this year's and next year's
 * Swedish holidays, one policy per priority, and clocks on the demo incidents. Skipped when calendars exist.
 */
export async function seedSlaDemo(platform: Platform): Promise<void> {
  const db = platform.db as SlaDb;
  if ((await slaRepository.calendars(db)).length > 0) return;
  const sla = new SlaService(platform);
  const ctx = systemContext('demo');
  const office = { open: '08:00', close: '17:00' };
  const year = new Date().getUTCFullYear();
  const calendar = await sla.createCalendar(ctx, {
    name: 'Stockholm office',
    timeZone: 'Europe/Stockholm',
    hours: [office, office, office, office, office, null, null],
    holidays: [...swedishHolidays(year), ...swedishHolidays(year + 1)],
  });
  for (const [priority, [responseMinutes, resolutionMinutes]] of Object.entries(TARGETS))
    await sla.setPolicy(ctx, priority as IncidentPriority, {
      calendarId: calendar.id,
      responseMinutes,
      resolutionMinutes,
    });
  // The demo incidents were written directly, past the observer: give them their clocks here.
  await platform.transaction(async (trx) => {
    const tx = trx as SlaDb;
    const incidents = await tx
      .selectFrom('desk.incidents')
      .select(['id', 'priority', 'created_at', 'status', 'updated_at'])
      .execute();
    for (const incident of incidents) {
      const targets = await slaRepository.policyOf(tx, incident.priority);
      await slaRepository.setClocks(tx, incident.id, {
        ...scheduleClocks(new Date(incident.created_at), 0, targets),
        waiting_since: incident.status === 'waiting' ? incident.updated_at : null,
      });
    }
  });
}
