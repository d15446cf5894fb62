import { incidentReference } from '@kontor/contracts';
import type { Db } from '../../../platform/platform.js';
import type { IncidentObserver } from '../../incident-service.js';
import type { OutboundQueue } from './outbound-queue.js';
import type { MessagingChannel } from './outbound-tables.js';

/** The longest text each channel takes in one message: Telegram's sendMessage, and ten concatenated SMS parts. */
export const TEXT_LIMITS: Record<MessagingChannel, number> = { telegram: 4096, sms: 1600 };

/**
 * The reply as the requester reads it: the incident's reference first, so they can name it when they call, then the
 * agent's text, cut with an ellipsis at the channel's limit (counted in code points, so no character is split).
 */
export function replyText(channel: MessagingChannel, incidentNumber: number, body: string): string {
  const text = `${incidentReference(incidentNumber)}: ${body.trim()}`;
  const characters = Array.from(text);
  const limit = TEXT_LIMITS[channel];
  return characters.length <= limit ? text : `${characters.slice(0, limit - 1).join('')}…`;
}

const isMessagingChannel = (channel: string): channel is MessagingChannel => channel in TEXT_LIMITS;

/** Which message of the requester a reply answers on this channel, if the channel threads replies (Telegram). */
export type ReplyTarget = (trx: Db, incidentId: string, address: string) => Promise<number | null>;

/**
 * Puts every public reply of an agent on a Telegram or SMS incident (a comment, or the comment of a status change)
 * into the reply queue, inside the transaction that writes it: the reply goes out exactly when it is saved.
 * Internal notes and the requester's own messages stay in Kontor.
 */
export function replyObserver(queue: OutboundQueue, replyTargets: Partial<Record<MessagingChannel, ReplyTarget>>) {
  const observer: IncidentObserver = async (trx, change) => {
    const { comment, incident } = change;
    if (change.kind !== 'comment' || !comment || comment.internal || !comment.byAgent) return;
    if (!isMessagingChannel(incident.channel) || !incident.channel_address) return;
    const replyTo = await replyTargets[incident.channel]?.(trx, incident.id, incident.channel_address);
    await queue.enqueue(trx, {
      channel: incident.channel,
      incidentId: incident.id,
      address: incident.channel_address,
      body: replyText(incident.channel, Number(incident.number), comment.body),
      replyToMessageId: replyTo ?? null,
    });
  };
  return observer;
}
