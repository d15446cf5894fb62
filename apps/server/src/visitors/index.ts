import { fileURLToPath } from 'node:url';
import type { KontorModule } from '../platform/platform.js';
import { type ReplicatedTable, SYNC_APPLIED_TOPIC, type SyncService } from '../sync/index.js';
import { cardTypeRoutes, visitorsAdminRoutes } from './admin-routes.js';
import { VisitorsAdminService } from './admin-service.js';
import { hubOnly } from './errors.js';
import { invitationRoutes } from './invitation-routes.js';
import { InvitationService } from './invitation-service.js';
import { kioskRoutes } from './kiosk-routes.js';
import { KioskService } from './kiosk-service.js';
import { type MailSender, ReceptionService, VISITORS_TOPIC } from './reception-service.js';
import { applyRetention, RETENTION_EVERY_MS, RETENTION_JOB } from './retention.js';
import { evacuationRoutes, receptionRoutes } from './routes.js';
import { seedVisitorsDemo } from './seed-demo.js';

export { VISITORS_TOPIC } from './reception-service.js';
export { RETENTION_JOB } from './retention.js';

/**
 * What travels: the card types (no one's data) and who is in the building now, so every node can print the
 * evacuation list with the hub down. Waiting and closed visits, invitations and kiosks stay on the hub.
 */
const replicated: ReplicatedTable[] = [
  {
    table: 'visitors.card_types',
    policy: 'reference',
    key: ['key'],
    columns: ['key', 'name', 'range_from', 'range_to', 'position', 'updated_at'],
  },
  {
    table: 'visitors.presence',
    policy: 'reference',
    key: ['entry_id'],
    columns: ['entry_id', 'name', 'company', 'host_name', 'card', 'card_type', 'since'],
  },
];

/** VIGO-Guests' visitor registration (docs/visitors.md). `sync` is the node's replication engine. */
export function createVisitorsModule(sync: () => SyncService): KontorModule {
  let services:
    | { reception: ReceptionService; kiosk: KioskService; admin: VisitorsAdminService; invitations: InvitationService }
    | undefined;
  const ready = () => {
    if (!services) throw new Error('visitors is used before the node initialised it');
    return services;
  };
  return {
    name: 'visitors',
    migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
    permissions: [
      {
        key: 'visitors.reception',
        description: 'Work the reception panel: hand out and take back cards, the evacuation list, past visits',
      },
      {
        key: 'visitors.admin',
        description: 'Keep the card pool and types, kiosk devices, privacy notice, retention; read visit reports',
      },
      { key: 'visitors.invite', description: 'Pre-register one’s own guests with an invitation and its QR code' },
    ],
    topics: { [VISITORS_TOPIC]: 'visitors.reception' },
    replicated,
    init(platform) {
      const sendMail: MailSender = (trx, mail) => platform.mail.enqueue(trx, mail);
      services = {
        reception: new ReceptionService(platform, sync, sendMail),
        kiosk: new KioskService(platform),
        admin: new VisitorsAdminService(platform),
        invitations: new InvitationService(platform, sendMail),
      };
      platform.jobs.every(RETENTION_JOB, RETENTION_EVERY_MS, ({ db }) =>
        applyRetention(platform, db).then(() => undefined),
      );
      // Any change of visits (from this instance or another) ends the sharing of reads begun before it.
      platform.bus.subscribe((event) => {
        if (event.topic === VISITORS_TOPIC) services?.reception.changed();
      });
      // On a workstation, replication changes who is in the building: its evacuation page re-reads.
      platform.bus.subscribe((event) => {
        const tables = (event.payload as { tables?: string[] } | null)?.tables ?? [];
        if (event.topic !== SYNC_APPLIED_TOPIC || !tables.includes('visitors.presence')) return;
        void platform.bus
          .publish({
            id: `${event.id}:${VISITORS_TOPIC}`,
            topic: VISITORS_TOPIC,
            payload: { entryId: null, state: 'presence' },
            at: event.at,
          })
          .catch((error: unknown) => platform.logger.warn({ err: error }, 'could not relay a visitors event'));
      });
    },
    async register(app, platform) {
      const { reception, kiosk, admin, invitations } = ready();
      await app.register(evacuationRoutes, { reception });
      await app.register(cardTypeRoutes, { admin });
      // Everything else works on the hub's own records; a client node holds none of them.
      await app.register(async (hub) => {
        hub.addHook('preValidation', async () => {
          if (!sync().isHub) throw hubOnly();
        });
        await hub.register(kioskRoutes, { kiosk, perMinute: platform.config.kioskRateLimitPerMinute });
        await hub.register(receptionRoutes, { reception });
        await hub.register(visitorsAdminRoutes, { admin });
        await hub.register(invitationRoutes, { invitations });
      });
    },
    seedDemo: seedVisitorsDemo,
  };
}
