import type { ChannelSender } from '../outbound/outbound-queue.js';
import { SendFailure } from '../outbound/outbound-queue.js';
import type { ChannelDb } from '../outbound/outbound-tables.js';
import type { ReplyTarget } from '../outbound/reply-observer.js';
import { TelegramApiError, type TelegramBotApi } from './bot-api.js';

/** How the desk names a Telegram message in `desk.message_threads`: message ids are unique per chat only. */
export const telegramThreadKey = (chatId: string | number, messageId: number) => `${chatId}:${messageId}`;

/**
 * Telegram's refusals that a retry cannot change: a bad request (chat not found, empty text) and 403 (the user
 * blocked the bot). A wrong token (401/404) is the operator's to fix, so those stay queued and are retried.
 */
const PERMANENT = new Set([400, 403]);

/** Agents' replies, sent with sendMessage to the requester's chat, quoting their latest message when known. */
export function telegramSender(api: TelegramBotApi): ChannelSender {
  return {
    async send(message, signal) {
      const replyTo = message.reply_to_message_id === null ? null : Number(message.reply_to_message_id);
      try {
        const sent = await api.sendMessage(message.address, message.body, replyTo, signal);
        return { threadKey: telegramThreadKey(message.address, sent.message_id) };
      } catch (error) {
        if (!(error instanceof TelegramApiError)) throw error;
        const permanent = error.errorCode !== null && PERMANENT.has(error.errorCode);
        throw new SendFailure(error.message, permanent, error.retryAfterSeconds * 1000);
      }
    },
  };
}

/**
 * The requester's latest message on the incident: the highest message id among the incident's thread keys in its
 * chat that the bot did not send itself.
 */
export const latestRequesterMessage: ReplyTarget = async (trx, incidentId, chatId) => {
  const db = trx as ChannelDb;
  const rows = await db
    .selectFrom('desk.message_threads')
    .select('thread_key')
    .where('channel', '=', 'telegram')
    .where('incident_id', '=', incidentId)
    .where('thread_key', 'like', `${chatId}:%`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('desk.channel_outbox as o')
            .select('o.id')
            .where('o.incident_id', '=', incidentId)
            .whereRef('o.sent_thread_key', '=', 'desk.message_threads.thread_key'),
        ),
      ),
    )
    .execute();
  const ids = rows.map((row) => Number(row.thread_key.slice(chatId.length + 1))).filter(Number.isSafeInteger);
  return ids.length > 0 ? Math.max(...ids) : null;
};
