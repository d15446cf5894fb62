import { fileURLToPath } from 'node:url';
import type { KontorModule } from '../platform/platform.js';
import type { SyncService } from '../sync/index.js';
import { ChannelIntake } from './channels/intake.js';
import { hubOnly } from './errors.js';
import { AGENT, DESK_TOPIC, IncidentService, REQUEST } from './incident-service.js';
import { DeskListsService } from './lists-service.js';
import { compileIncidentFilter, suggestIncidentFilter } from './query-fields.js';
import { incidentRoutes, listRoutes } from './routes.js';
import { seedDeskDemo } from './seed-demo.js';

export { DESK_TOPIC } from './incident-service.js';

/** The service desk (seed 003, docs/desk.md): incidents and their timelines, on the hub. */
export function createDeskModule(sync: () => SyncService): KontorModule {
  let services: { incidents: IncidentService; lists: DeskListsService; intake: ChannelIntake } | undefined;
  const ready = () => {
    if (!services) throw new Error('desk is used before the node initialised it');
    return services;
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
      const incidents = new IncidentService(platform, compileIncidentFilter);
      services = { incidents, lists: new DeskListsService(platform), intake: new ChannelIntake(platform, incidents) };
    },
    async register(app) {
      const { incidents, lists } = ready();
      // The desk's records live on the hub only; a client node holds none of them.
      await app.register(async (hub) => {
        hub.addHook('preValidation', async () => {
          if (!sync().isHub) throw hubOnly();
        });
        await hub.register(incidentRoutes, { incidents, suggest: suggestIncidentFilter });
        await hub.register(listRoutes, { lists });
      });
    },
    seedDemo: seedDeskDemo,
  };
}
