import { agentNotificationEvents, type NotificationEvent, notificationEvents } from '@kontor/contracts';

export interface Channels {
  inApp: boolean;
  email: boolean;
}

/**
 * What reaches a user who chose nothing: everything in the app except the unassigned queue (opt-in, it is
 * noisy), and e-mail for what asks something of them — an assignment, a reply, a breach — and for the
 * requester's own incident being resolved.
 */
export const DEFAULT_CHANNELS: Record<NotificationEvent, Channels> = {
  assigned: { inApp: true, email: true },
  requester_reply: { inApp: true, email: true },
  group_incident: { inApp: true, email: false },
  unassigned_incident: { inApp: false, email: false },
  sla_warning: { inApp: true, email: false },
  sla_breach: { inApp: true, email: true },
  agent_reply: { inApp: true, email: true },
  resolved: { inApp: true, email: true },
};

/** The events a user can receive: agents' events need `desk.agent`, requesters' `desk.request`. */
export function eventsFor(isAgent: boolean, isRequester: boolean): NotificationEvent[] {
  return notificationEvents.filter((event) => (agentNotificationEvents.includes(event) ? isAgent : isRequester));
}
