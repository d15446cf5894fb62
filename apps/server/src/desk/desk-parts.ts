import type { Platform } from '../platform/platform.js';
import { AttachmentService } from './attachments/attachment-service.js';
import { BoardService } from './boards/boards-service.js';
import { EmailChannel } from './channels/email/email-channel.js';
import { createEsbChannel } from './channels/esb/esb-channel.js';
import { ChannelIntake } from './channels/intake.js';
import { createMessagingChannels } from './channels/messaging-channels.js';
import { DashboardService } from './dashboard/dashboard-service.js';
import { deskMetrics } from './dashboard/desk-metrics.js';
import { SavedFilterService } from './filters/filters-service.js';
import { IncidentService } from './incident-service.js';
import { DeskListsService } from './lists-service.js';
import { createNotificationsAndSla } from './notifications/notifications-and-sla.js';
import { createProblems } from './problems/problems.js';
import { compileIncidentFilter } from './query-fields.js';

/**
 * Builds every part of the desk once. The order is the order in which the parts observe an incident's change
 * inside its transaction: metrics, the e-mail reply, problem rules, notifications and SLA, Telegram/SMS replies.
 */
export function createDeskParts(platform: Platform, isHub: () => boolean) {
  const incidents = new IncidentService(platform, compileIncidentFilter);
  incidents.observe(deskMetrics(platform, isHub));
  const attachments = new AttachmentService(platform, incidents);
  const intake = new ChannelIntake(platform, incidents, attachments);
  const email = new EmailChannel(platform, intake);
  incidents.observe(email.observer);
  const filters = new SavedFilterService(platform);
  return {
    incidents,
    attachments,
    intake,
    email,
    filters,
    lists: new DeskListsService(platform),
    boards: new BoardService(platform, filters),
    dashboard: new DashboardService(platform, compileIncidentFilter, filters),
    esb: createEsbChannel(platform, intake),
    problems: createProblems(platform, incidents, isHub),
    notificationsAndSla: createNotificationsAndSla(platform, incidents),
    messaging: createMessagingChannels(platform, incidents, intake, () => attachments.maxBytes, isHub),
  };
}

export type DeskParts = ReturnType<typeof createDeskParts>;
