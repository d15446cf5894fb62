import { paymentWebhookParams, paymentWebhookReceipt } from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PaymentsService } from './payments-service.js';

/** Stripe's events are a few kB; a megabyte leaves room for any provider's and refuses floods. */
const BODY_LIMIT = 1024 * 1024;

/**
 * The providers' webhooks. The body is kept as the exact bytes received: the signature covers them, and JSON parsed
 * and serialised again would not match. Registered in its own scope so the raw parser applies here only.
 */
export const paymentWebhookRoutes: FastifyPluginAsyncZod<{ payments: PaymentsService; perMinute: number }> = async (
  app,
  { payments, perMinute },
) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) =>
    done(null, body),
  );
  app.post(
    '/api/shop/payments/webhook/:provider',
    {
      config: {
        access: {
          public: 'the payment provider calls it without an account; its signature over the raw body proves it',
        },
        // Generous: a provider retrying a backlog sends many at once, and each is cheap to refuse when unsigned.
        rateLimit: { max: perMinute * 10, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['commerce'],
        summary:
          'A payment provider’s event (Stripe: signed with Stripe-Signature); re-fetched from the provider before anything changes',
        params: paymentWebhookParams,
        response: { 200: paymentWebhookReceipt },
      },
    },
    async (request) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const { duplicate } = await payments.handleWebhook(request.ctx, request.params.provider, raw, request.headers);
      return { received: true as const, duplicate };
    },
  );
};
