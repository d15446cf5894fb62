import { channelReceipt, telegramUpdate } from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { channelUnauthenticated } from '../channel-errors.js';
import { sameSecret } from '../signature.js';
import type { TelegramInbound } from './telegram-inbound.js';

export const TELEGRAM_SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export interface TelegramRouteOptions {
  telegram: TelegramInbound;
  /** The `secret_token` given to setWebhook; while unset every call is refused. */
  webhookSecret: string | undefined;
  perMinute: number;
}

/** Telegram's webhook (setWebhook with `secret_token`); registered only while a bot token is set. */
export const telegramRoutes: FastifyPluginAsyncZod<TelegramRouteOptions> = async (
  app,
  { telegram, webhookSecret, perMinute },
) => {
  app.post(
    '/api/desk/channels/telegram/webhook',
    {
      config: {
        access: { public: 'Telegram calls it without an account; the secret-token header proves the caller' },
        rateLimit: { max: perMinute, timeWindow: '1 minute' },
      },
      // Checked before the body is even parsed: a stranger learns nothing and writes nothing.
      onRequest: async (request) => {
        const presented = request.headers[TELEGRAM_SECRET_HEADER];
        if (!webhookSecret || !sameSecret(typeof presented === 'string' ? presented : undefined, webhookSecret))
          throw channelUnauthenticated(`The ${TELEGRAM_SECRET_HEADER} header is missing or wrong`);
      },
      schema: {
        tags: ['desk'],
        summary: 'A Telegram update: a message becomes an incident or a comment; other updates are ignored',
        body: telegramUpdate,
        response: { 200: channelReceipt },
      },
    },
    async (request) => telegram.receive(request.body),
  );
};
