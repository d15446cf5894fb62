import { foldForSearch } from '../directory/index.js';
import { systemContext } from '../platform/context.js';
import type { Db, Platform } from '../platform/platform.js';
import { localDate } from './dates.js';
import { entriesRepository } from './entries-repository.js';
import { kioskRepository } from './kiosk-repository.js';
import { readSettings } from './settings.js';
import type { VisitorsDb } from './tables.js';

export const RETENTION_JOB = 'visitors.retention';
export const RETENTION_EVERY_MS = 3_600_000;

const DAY_MS = 86_400_000;

/**
 * The retention rule (docs/visitors.md): closed visits that ended more than `retentionDays` ago lose the guest's
 * names, purpose and notes (company, host, card and times stay, for the reports); invitations whose day is over
 * are deleted with the guest's data they hold. One audit record gives the counts, and no one's data. Runs in the
 * job's transaction `trx`.
 */
export async function applyRetention(platform: Platform, trx: Db, now = new Date()) {
  const db = trx as VisitorsDb;
  const { retentionDays } = await readSettings(trx);
  const expired = await entriesRepository.closedBefore(db, new Date(now.getTime() - retentionDays * DAY_MS));
  for (const entry of expired)
    await entriesRepository.anonymise(db, entry.id, foldForSearch(`${entry.company} ${entry.host_name ?? ''}`));
  const invitations = await kioskRepository.deleteInvitationsBefore(db, localDate(now));
  const counts = { anonymisedVisits: expired.length, deletedInvitations: invitations };
  // An hour with nothing to do leaves no trace in the audit log.
  if (expired.length > 0 || invitations > 0)
    await platform.audit.record(trx, systemContext(RETENTION_JOB), {
      action: 'visitors.retention',
      entity: 'visitors.entries',
      after: { ...counts, retentionDays },
    });
  return counts;
}
