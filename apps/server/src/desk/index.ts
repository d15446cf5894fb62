import { fileURLToPath } from 'node:url';
import type { KontorModule } from '../platform/platform.js';
import type { SyncService } from '../sync/index.js';
import { attachmentRoutes } from './attachments/attachment-routes.js';
import { AttachmentService } from './attachments/attachment-service.js';
import { boardRoutes } from './boards/boards-routes.js';
import { BoardService } from './boards/boards-service.js';
import { EmailChannel } from './channels/email/email-channel.js';
import type { SmtpListener } from './channels/email/smtp-listener.js';
import { createEsbChannel } from './channels/esb/esb-channel.js';
import type { EsbConsumer } from './channels/esb/esb-consumer.js';
import { ChannelIntake } from './channels/intake.js';
import { createMessagingChannels } from './channels/messaging-channels.js';
import { DashboardService } from './dashboard/dashboard-service.js';
import { deskMetrics } from './dashboard/desk-metrics.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { hubOnly } from './errors.js';
import { filterRoutes } from './filters/filters-routes.js';
import { SavedFilterService } from './filters/filters-service.js';
import { AGENT, DESK_TOPIC, IncidentService, REQUEST } from './incident-service.js';
import { DeskListsService } from './lists-service.js';
import { createNotificationsAndSla } from './notifications/notifications-and-sla.js';
import { createProblems, problemRoutes } from './problems/problems.js';
import { compileIncidentFilter, suggestIncidentFilter } from './query-fields.js';
import { incidentRoutes, listRoutes } from './routes.js';
import { seedDeskDemo } from './seed-demo.js';

export { DESK_TOPIC } from './incident-service.js';

/** The service desk (seed 003, docs/desk.md): incidents and their timelines, on the hub. */
export function createDeskModule(sync: () => SyncService): KontorModule {
  let services:
    | { incidents: IncidentService; lists: DeskListsService; intake: ChannelIntake; attachments: AttachmentService }
    | undefined;
  const ready = () => {
    if (!services) throw new Error('desk is used before the node initialised it');
    return services;
  };
  let esb: EsbConsumer | undefined;
  let email: EmailChannel | undefined;
  let smtpListener: SmtpListener | undefined;
  let problems: ReturnType<typeof createProblems> | undefined;
  let messaging: ReturnType<typeof createMessagingChannels> | undefined;
  let notificationsAndSla: ReturnType<typeof createNotificationsAndSla> | undefined;
  return {
    name: 'desk',
    migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
    permissions: [
      { key: AGENT, description: 'Work incidents: replies, internal notes, status, assignment, every incident' },
      { key: 'desk.admin', description: 'Keep the service desk’s categories and groups' },
      { key: REQUEST, description: 'Report incidents and follow one’s own (the requester portal)' },
    ],
    topics: { [DESK_TOPIC]: AGENT },
    init(platform) {
      const incidents = new IncidentService(platform, compileIncidentFilter);
      incidents.observe(deskMetrics(platform, () => sync().isHub));
      const attachments = new AttachmentService(platform, incidents);
      services = {
        incidents,
        lists: new DeskListsService(platform),
        intake: new ChannelIntake(platform, incidents, attachments),
        attachments,
      };
      esb = createEsbChannel(platform, services.intake);
      email = new EmailChannel(platform, services.intake);
      incidents.observe(email.observer);
      problems = createProblems(platform, incidents, () => sync().isHub);
      notificationsAndSla = createNotificationsAndSla(platform, incidents);
      const maxAttachmentBytes = () => attachments.maxBytes;
      messaging = createMessagingChannels(platform, incidents, services.intake, maxAttachmentBytes, () => sync().isHub);
    },
    async register(app, platform) {
      const { incidents, lists, attachments } = ready();
      // The desk's records live on the hub only; a client node holds none of them.
      await app.register(async (hub) => {
        hub.addHook('preValidation', async () => {
          if (!sync().isHub) throw hubOnly();
        });
        await hub.register(incidentRoutes, { incidents, suggest: suggestIncidentFilter });
        await hub.register(listRoutes, { lists });
        const filters = new SavedFilterService(platform);
        await hub.register(filterRoutes, { filters });
        await hub.register(boardRoutes, { boards: new BoardService(platform, filters) });
        await hub.register(dashboardRoutes, {
          dashboard: new DashboardService(platform, compileIncidentFilter, filters),
        });
        await hub.register(attachmentRoutes, { attachments });
        if (problems) await hub.register(problemRoutes, { problems: problems.problems, rules: problems.rules });
        await messaging?.register(hub);
        await notificationsAndSla?.register(hub);
      });
    },
    async start() {
      // Only the hub takes incidents in from the ESB (docs/desk-esb.md).
      if (sync().isHub) esb?.start();
      // The hub takes e-mail in when deskSmtpPort is set (docs/desk-channels.md).
      if (sync().isHub) smtpListener = await email?.listen();
      // It sends only while the node is the hub, checking at every round.
      problems?.exportDispatcher.start();
      messaging?.queue.start();
    },
    stop: async () => {
      await Promise.all([
        esb?.stop(),
        problems?.exportDispatcher.stop(),
        messaging?.queue.stop(),
        smtpListener?.stop(),
      ]);
    },
    seedDemo: seedDeskDemo,
  };
}
