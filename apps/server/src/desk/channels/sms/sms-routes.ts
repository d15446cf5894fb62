import { channelReceipt, smsInbound, WEBHOOK_HEADERS } from '@kontor/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { channelUnauthenticated } from '../channel-errors.js';
import { followUpKeys } from '../follow-up.js';
import type { ChannelIntake } from '../intake.js';
import type { ChannelDb } from '../outbound/outbound-tables.js';
import { type SignatureVerdict, verifySignature } from '../signature.js';

/** One SMS, even ten concatenated parts with a generous envelope, is far below this. */
const BODY_LIMIT = 64 * 1024;

const REFUSALS: Record<Exclude<SignatureVerdict, 'valid'>, string> = {
  missing: `The ${WEBHOOK_HEADERS.signature} header is missing`,
  malformed: `The ${WEBHOOK_HEADERS.signature} header is not t=<unix seconds>,v1=<hex HMAC-SHA256>`,
  stale: `The ${WEBHOOK_HEADERS.signature} timestamp is more than 5 minutes away from now (a replay?)`,
  forged: `The ${WEBHOOK_HEADERS.signature} signature does not match the body`,
};

export interface SmsRouteOptions {
  db: ChannelDb;
  intake: ChannelIntake;
  secret: string;
  perMinute: number;
}

/** The SMS gateway's webhook; registered only while `deskSmsSecret` is set. */
export const smsRoutes: FastifyPluginAsyncZod<SmsRouteOptions> = async (app, { db, intake, secret, perMinute }) => {
  const signed = new WeakSet<FastifyRequest>();
  // The signature covers the exact bytes sent, so it is checked here, on the raw body, before any JSON is parsed.
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (request, body, done) => {
    const header = request.headers[WEBHOOK_HEADERS.signature];
    const verdict = verifySignature(secret, typeof header === 'string' ? header : undefined, body as Buffer);
    if (verdict !== 'valid') return done(channelUnauthenticated(REFUSALS[verdict]), undefined);
    signed.add(request);
    try {
      done(null, JSON.parse((body as Buffer).toString('utf8')));
    } catch (error) {
      done(Object.assign(error as Error, { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }), undefined);
    }
  });

  app.post(
    '/api/desk/channels/sms/webhook',
    {
      config: {
        access: { public: 'the SMS gateway calls it without an account; the HMAC signature proves the caller' },
        rateLimit: { max: perMinute, timeWindow: '1 minute' },
      },
      // A request without a JSON body never reached the parser above, so nothing vouched for it.
      preValidation: async (request) => {
        if (!signed.has(request))
          throw channelUnauthenticated('Only a JSON body signed with X-Kontor-Signature is taken');
      },
      schema: {
        tags: ['desk'],
        summary: 'A text message the gateway received: an incident, or a comment on the number’s open one',
        body: smsInbound,
        response: { 200: channelReceipt },
      },
    },
    async (request) => {
      const sms = request.body;
      const { outcome } = await intake.receive({
        channel: 'sms',
        externalId: sms.id,
        threadKeys: [sms.id],
        inReplyTo: await followUpKeys(db, 'sms', sms.from),
        from: { name: sms.from, address: sms.from },
        subject: '',
        body: sms.text,
      });
      return { outcome };
    },
  );
};
