import type { NotificationEvent } from '@kontor/contracts';
import { activeUsersHolding, userContact } from '../../identity/index.js';
import type { Db } from '../../platform/platform.js';
import { groupMembersRepository } from '../group-members-repository.js';
import { AGENT, type IncidentChange } from '../incident-service.js';
import { incidentsRepository } from '../incidents-repository.js';
import type { SlaNotice } from '../sla/sla-clock.js';
import type { DeskDb, StoredIncident } from '../tables.js';
import type { NotificationService } from './notification-service.js';

type Recipients = Array<[userId: string | null, event: NotificationEvent]>;

/** The agents an incident's news goes to: its assignee, or the members of its group while nobody has it. */
async function responsible(db: Db, incident: StoredIncident): Promise<string[]> {
  if (incident.assignee_id) return [incident.assignee_id];
  return incident.group_id ? groupMembersRepository.ofGroup(db as DeskDb, incident.group_id) : [];
}

/** Who hears of one change, and as what (docs/desk-notifications.md, "Events"). */
async function recipientsOf(db: Db, change: IncidentChange): Promise<Recipients> {
  const { incident, before, comment } = change;
  const recipients: Recipients = [];
  const newlyAssigned = incident.assignee_id && incident.assignee_id !== before?.assignee_id;
  if ((change.kind === 'created' || change.kind === 'updated') && newlyAssigned)
    recipients.push([incident.assignee_id, 'assigned']);
  const newlyGrouped = incident.group_id && incident.group_id !== before?.group_id;
  if ((change.kind === 'created' || change.kind === 'updated') && newlyGrouped && !incident.assignee_id)
    for (const member of await groupMembersRepository.ofGroup(db as DeskDb, incident.group_id as string))
      recipients.push([member, 'group_incident']);
  if (change.kind === 'created' && !incident.assignee_id && !incident.group_id)
    for (const agent of await activeUsersHolding(db, AGENT)) recipients.push([agent.id, 'unassigned_incident']);
  // Resolved with a reply: the requester hears it once, from the reply's change, with the reply's words.
  if (change.kind === 'status' && incident.status === 'resolved' && before?.status !== 'resolved' && !comment)
    recipients.push([incident.requester_user_id, 'resolved']);
  if (change.kind === 'comment' && comment) {
    // Internal notes never leave the agents: only a public reply reaches the requester.
    if (comment.byAgent && !comment.internal)
      recipients.push([incident.requester_user_id, comment.withStatus === 'resolved' ? 'resolved' : 'agent_reply']);
    if (!comment.byAgent) recipients.push([incident.assignee_id, 'requester_reply']);
  }
  return recipients;
}

/**
 * Turns incident changes and SLA notices into notifications, inside the transaction that made them. The actor
 * never hears of their own change; each user gets one notification per change (the first that applies).
 */
export class IncidentNotifier {
  constructor(private readonly notifications: NotificationService) {}

  observe = async (trx: Db, change: IncidentChange): Promise<void> => {
    const actor = change.ctx.actor;
    const excerpt =
      change.kind === 'comment' && change.comment && !change.comment.internal ? change.comment.body : null;
    await this.#send(trx, change.incident, await recipientsOf(trx, change), {
      skip: actor?.userId ?? null,
      actorName: actor?.userId ? actor.displayName : null,
      excerpt,
    });
  };

  /** The SLA job's warning or breach goes to whoever is responsible for the incident. */
  slaNotice = async (trx: Db, incidentId: string, notice: SlaNotice): Promise<void> => {
    const incident = await incidentsRepository.get(trx as DeskDb, incidentId);
    if (!incident) return;
    const event: NotificationEvent = notice.kind.endsWith('_breach') ? 'sla_breach' : 'sla_warning';
    const recipients: Recipients = (await responsible(trx, incident)).map((userId) => [userId, event]);
    await this.#send(trx, incident, recipients, { skip: null, actorName: null, excerpt: null });
  };

  async #send(
    trx: Db,
    incident: StoredIncident,
    recipients: Recipients,
    options: { skip: string | null; actorName: string | null; excerpt: string | null },
  ) {
    const told = new Set<string>();
    for (const [userId, event] of recipients) {
      if (!userId || userId === options.skip || told.has(userId)) continue;
      told.add(userId);
      if (!(await userContact(trx, userId)) || !(await this.notifications.mayReceive(trx, userId, event))) continue;
      await this.notifications.deliver(trx, {
        userId,
        event,
        incident,
        actorName: options.actorName,
        excerpt: options.excerpt,
      });
    }
  }
}
