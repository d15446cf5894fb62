import type { ChannelReceipt, TelegramMessage, TelegramUpdate } from '@kontor/contracts';
import { AppError } from '../../../platform/http/errors.js';
import type { NewAttachment } from '../../attachments/attachment-service.js';
import { followUpKeys } from '../follow-up.js';
import type { ChannelIntake, InboundMessage } from '../intake.js';
import type { ChannelDb } from '../outbound/outbound-tables.js';
import { TelegramApiError, type TelegramBotApi } from './bot-api.js';
import { telegramThreadKey } from './telegram-replies.js';

const DOWNLOAD_TIMEOUT_MS = 30_000;

const nameOf = (message: TelegramMessage) => {
  const user = message.from;
  const full = [user?.first_name, user?.last_name].filter(Boolean).join(' ').trim();
  return full || (user?.username ? `@${user.username}` : '') || message.chat.title || `Telegram ${message.chat.id}`;
};

/** The largest size of a photo: Telegram sends each photo in several, smallest first, but says nothing of order. */
const largest = (photo: NonNullable<TelegramMessage['photo']>) =>
  photo.reduce((best, size) => (size.width * size.height > best.width * best.height ? size : best));

/**
 * Turns a Telegram update into an incident or a comment (docs/desk-channels.md). A message (text, or a photo with
 * its caption) is one InboundMessage, delivered once per `update_id`; everything else Telegram sends is answered
 * and ignored, since Telegram redelivers whatever is not answered 2xx.
 */
export class TelegramInbound {
  constructor(
    private readonly db: ChannelDb,
    private readonly api: TelegramBotApi,
    private readonly intake: ChannelIntake,
    private readonly maxPhotoBytes: () => number,
  ) {}

  async receive(update: TelegramUpdate): Promise<ChannelReceipt> {
    const message = update.message;
    if (!message || (message.text === undefined && !message.photo?.length)) return { outcome: 'ignored' };
    const chatId = String(message.chat.id);
    const replied = message.reply_to_message;
    const inbound: InboundMessage = {
      channel: 'telegram',
      externalId: String(update.update_id),
      threadKeys: [telegramThreadKey(chatId, message.message_id)],
      // An answer to a message names that message's incident; a plain message continues the chat's open one.
      inReplyTo: replied
        ? [telegramThreadKey(chatId, replied.message_id)]
        : await followUpKeys(this.db, 'telegram', chatId),
      from: { name: nameOf(message), address: chatId },
      subject: '',
      body: message.text ?? message.caption ?? '',
    };
    if (message.photo?.length) {
      const photo = await this.#photo(largest(message.photo), message.message_id);
      if (photo) inbound.attachments = [photo];
      // Kept out, but not silently: the agent sees that a photo came and can ask for it another way.
      else inbound.body = `${inbound.body}\n\n[A photo larger than ${this.maxPhotoBytes()} bytes was not kept.]`.trim();
    }
    const { outcome } = await this.intake.receive(inbound);
    return { outcome };
  }

  /**
   * Fetches the photo from the Bot API; null when it is larger than an incident takes. Any other failure answers
   * 503, so that Telegram delivers the update again later (nothing is written before).
   */
  async #photo(size: { file_id: string }, messageId: number): Promise<NewAttachment | null> {
    try {
      const file = await this.api.download(
        size.file_id,
        this.maxPhotoBytes(),
        AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
      );
      const extension = /\.[a-z0-9]{1,8}$/i.exec(file.path)?.[0] ?? '.jpg';
      return { filename: `telegram-photo-${messageId}${extension}`, contentType: 'image/jpeg', data: file.data };
    } catch (error) {
      if (error instanceof TelegramApiError && error.errorCode === 413) return null;
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError(503, 'desk.telegram_unreachable', `The photo could not be fetched from Telegram: ${reason}`);
    }
  }
}
