import { NOTIFICATIONS_TOPIC } from '@kontor/contracts';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';
import type { IncidentService } from '../incident-service.js';
import { slaRoutes } from '../sla/routes.js';
import { SlaService } from '../sla/sla-service.js';
import { IncidentNotifier } from './incident-notifier.js';
import { NotificationService } from './notification-service.js';
import { notificationRoutes } from './routes.js';

/**
 * Notifications and SLA timers, wired to the incidents: the SLA clocks are set first in each change's
 * transaction, then the notifier tells whom it concerns; the SLA job's warnings go through the same notifier.
 */
export function createNotificationsAndSla(platform: Platform, incidents: IncidentService) {
  const sla = new SlaService(platform);
  const notifications = new NotificationService(platform);
  const notifier = new IncidentNotifier(notifications);
  platform.topics.definePersonal(NOTIFICATIONS_TOPIC);
  incidents.observe(sla.observe);
  incidents.observe(notifier.observe);
  sla.onNotice(notifier.slaNotice);
  sla.scheduleWatch();
  return {
    sla,
    notifications,
    async register(hub: FastifyInstance) {
      await hub.register(slaRoutes, { sla });
      await hub.register(notificationRoutes, { notifications });
    },
  };
}
