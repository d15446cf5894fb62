import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';
import { DESK_TOPIC, type IncidentService } from '../incident-service.js';
import type { ChannelIntake } from './intake.js';
import { type ChannelSender, OutboundQueue } from './outbound/outbound-queue.js';
import type { ChannelDb, MessagingChannel } from './outbound/outbound-tables.js';
import { replyObserver } from './outbound/reply-observer.js';
import { smsSender } from './sms/sms-gateway.js';
import { smsRoutes } from './sms/sms-routes.js';
import { TelegramBotApi } from './telegram/bot-api.js';
import { TelegramInbound } from './telegram/telegram-inbound.js';
import { latestRequesterMessage, telegramSender } from './telegram/telegram-replies.js';
import { telegramRoutes } from './telegram/telegram-routes.js';

/**
 * The desk's Telegram bot and SMS gateway (docs/desk-channels.md): their webhooks, and the queue their replies go
 * back through. Each channel is on only while its settings are: without them its webhook answers 404 and its
 * replies wait in the queue.
 */
export function createMessagingChannels(
  platform: Platform,
  incidents: IncidentService,
  intake: ChannelIntake,
  maxAttachmentBytes: () => number,
  isHub: () => boolean,
) {
  const config = platform.config;
  const db = platform.db as ChannelDb;
  const bot = config.deskTelegramBotToken
    ? new TelegramBotApi(config.deskTelegramApiUrl, config.deskTelegramBotToken)
    : undefined;
  const senders: Partial<Record<MessagingChannel, ChannelSender>> = {
    ...(bot && { telegram: telegramSender(bot) }),
    ...(config.deskSmsGatewayUrl &&
      config.deskSmsSecret && { sms: smsSender(config.deskSmsGatewayUrl, config.deskSmsSecret) }),
  };
  const queue = new OutboundQueue({
    platform,
    senders,
    isHub,
    rememberThread: (trx, channel, key, incidentId) => intake.addThreadKey(trx, channel, key, incidentId),
  });
  incidents.observe(replyObserver(queue, { telegram: latestRequesterMessage }));
  // A reply was committed (on this or another hub instance): send it now rather than at the next poll.
  platform.bus.subscribe((event) => {
    if (event.topic === DESK_TOPIC && (event.payload as { change?: string } | null)?.change === 'comment')
      queue.nudge();
  });

  return {
    queue,
    async register(app: FastifyInstance) {
      const perMinute = config.deskChannelRateLimitPerMinute;
      if (bot) {
        const telegram = new TelegramInbound(db, bot, intake, maxAttachmentBytes);
        await app.register(telegramRoutes, { telegram, webhookSecret: config.deskTelegramWebhookSecret, perMinute });
      }
      if (config.deskSmsSecret) await app.register(smsRoutes, { db, intake, secret: config.deskSmsSecret, perMinute });
    },
  };
}
