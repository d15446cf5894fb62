import { fileURLToPath } from 'node:url';
import type { KontorModule } from '../platform/platform.js';
import type { SyncService } from '../sync/index.js';
import { attachmentRoutes } from './attachments/attachment-routes.js';
import { boardRoutes } from './boards/boards-routes.js';
import { HubIntake } from './channels/hub-intake.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { createDeskParts, type DeskParts } from './desk-parts.js';
import { hubOnly } from './errors.js';
import { filterRoutes } from './filters/filters-routes.js';
import { AGENT, DESK_TOPIC, REQUEST } from './incident-service.js';
import { problemRoutes } from './problems/problems.js';
import { suggestIncidentFilter } from './query-fields.js';
import { incidentRoutes, listRoutes } from './routes.js';
import { seedDeskDemo } from './seed-demo.js';

export { DESK_TOPIC } from './incident-service.js';

/** The service desk (seed 003, docs/desk.md): incidents, channels, problems, boards, dashboards; on the hub. */
export function createDeskModule(sync: () => SyncService): KontorModule {
  let parts: DeskParts | undefined;
  let intake: HubIntake | undefined;
  let unfollow: (() => void) | undefined;
  const ready = () => {
    if (!parts) throw new Error('desk is used before the node initialised it');
    return parts;
  };
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
      parts = createDeskParts(platform, () => sync().isHub);
    },
    async register(app) {
      const desk = ready();
      // The desk's records live on the hub only; a client node holds none of them.
      await app.register(async (hub) => {
        hub.addHook('preValidation', async () => {
          if (!sync().isHub) throw hubOnly();
        });
        await hub.register(incidentRoutes, { incidents: desk.incidents, suggest: suggestIncidentFilter });
        await hub.register(listRoutes, { lists: desk.lists });
        await hub.register(filterRoutes, { filters: desk.filters });
        await hub.register(boardRoutes, { boards: desk.boards });
        await hub.register(dashboardRoutes, { dashboard: desk.dashboard });
        await hub.register(attachmentRoutes, { attachments: desk.attachments });
        await hub.register(problemRoutes, { problems: desk.problems.problems, rules: desk.problems.rules });
        await desk.messaging.register(hub);
        await desk.notificationsAndSla.register(hub);
      });
    },
    async start(platform) {
      const desk = ready();
      // Only the hub takes incidents in from the ESB and by e-mail (docs/desk-esb.md, docs/desk-channels.md). A
      // promotion or demotion happens at runtime, so the intake follows the node's role as it changes.
      intake = new HubIntake(desk, () => sync().isHub, platform.logger);
      unfollow = sync().onAuthorityChange(() => intake?.follow());
      await intake.follow();
      // These check at every round whether the node is the hub, so a promotion needs no restart.
      desk.problems.exportDispatcher.start();
      desk.messaging.queue.start();
    },
    async stop() {
      unfollow?.();
      if (!parts) return;
      await Promise.all([parts.problems.exportDispatcher.stop(), parts.messaging.queue.stop(), intake?.stop()]);
    },
    seedDemo: seedDeskDemo,
  };
}
