import { z } from 'zod';

/*
 * The service desk's messaging channels (docs/desk-channels.md): what Telegram's Bot API and an SMS gateway post
 * to Kontor. The Telegram shapes are the Bot API's own (https://core.telegram.org/bots/api#update), reduced to the
 * fields the desk reads; unknown fields are dropped rather than refused, since Telegram adds fields over time.
 */

/** https://core.telegram.org/bots/api#user */
export const telegramUser = z.object({
  id: z.number().int(),
  is_bot: z.boolean().optional(),
  first_name: z.string(),
  last_name: z.string().optional(),
  username: z.string().optional(),
});

/** https://core.telegram.org/bots/api#chat */
export const telegramChat = z.object({
  id: z.number().int(),
  type: z.string(),
  title: z.string().optional(),
});

/** https://core.telegram.org/bots/api#photosize: one size of a photo; a message carries several. */
export const telegramPhotoSize = z.object({
  file_id: z.string().min(1),
  file_unique_id: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  file_size: z.number().int().optional(),
});

const messageFields = {
  message_id: z.number().int(),
  from: telegramUser.optional(),
  chat: telegramChat,
  date: z.number().int(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z.array(telegramPhotoSize).optional(),
};

/** https://core.telegram.org/bots/api#message; `reply_to_message` is one level deep, as Telegram sends it. */
export const telegramMessage = z.object({
  ...messageFields,
  reply_to_message: z.object(messageFields).optional(),
});
export type TelegramMessage = z.infer<typeof telegramMessage>;

/** https://core.telegram.org/bots/api#update: only `message` is read; every other kind is answered and ignored. */
export const telegramUpdate = z.object({
  update_id: z.number().int(),
  message: telegramMessage.optional(),
});
export type TelegramUpdate = z.infer<typeof telegramUpdate>;

/** An international phone number, E.164: `+`, country code, at most 15 digits. */
export const e164 = z
  .string()
  .regex(/^\+[1-9]\d{1,14}$/, 'expected a phone number in E.164 form, such as +46701234567');

/** What the SMS gateway posts for one received text (signed with `X-Kontor-Signature`). */
export const smsInbound = z.object({
  /** The gateway's id of the message: a redelivery with the same id changes nothing. */
  id: z.string().trim().min(1).max(200),
  from: e164,
  to: z.string().trim().max(32),
  text: z.string().max(10_000),
  receivedAt: z.iso.datetime({ offset: true }),
});
export type SmsInbound = z.infer<typeof smsInbound>;

/** What Kontor posts to the gateway's send endpoint for one reply (signed the same way). */
export const smsOutbound = z.object({
  /** Kontor's id of the reply: the same id on a retry, so the gateway can drop a repeat. */
  id: z.string(),
  to: e164,
  text: z.string().max(1600),
});
export type SmsOutbound = z.infer<typeof smsOutbound>;

/** The answer to a channel webhook: what became of the message. */
export const channelReceipt = z.object({ outcome: z.enum(['created', 'commented', 'duplicate', 'ignored']) });
export type ChannelReceipt = z.infer<typeof channelReceipt>;
