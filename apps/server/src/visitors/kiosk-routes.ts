import {
  kioskEntryInput,
  kioskHostQuery,
  kioskHosts,
  kioskInvitation,
  kioskReceipt,
  kioskSettings,
} from '@kontor/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { KioskService } from './kiosk-service.js';
import { tags } from './routes.js';

export interface KioskRouteOptions {
  kiosk: KioskService;
  /** Submissions and invitation look-ups per client address per minute; searches and settings get ten times as many. */
  perMinute: number;
}

const KEY_HEADER = 'x-kiosk-key';
const keyOf = (request: FastifyRequest) => {
  const key = request.headers[KEY_HEADER];
  return typeof key === 'string' && key.length > 0 ? key.slice(0, 200) : undefined;
};
const tokenParams = z.strictObject({ token: z.string().min(16).max(64) });

/**
 * The guest kiosk: public, since a guest has no account; it can only create entries and never answers anyone's
 * data. Rate-limited per client address; a registered device identifies itself with `X-Kiosk-Key`.
 */
export const kioskRoutes: FastifyPluginAsyncZod<KioskRouteOptions> = async (app, { kiosk, perMinute }) => {
  const limited = (max: number) => ({ max, timeWindow: '1 minute' });
  app.post(
    '/api/visitors/kiosk/entries',
    {
      config: {
        access: { public: 'guests register at the kiosk without an account; it only creates waiting entries' },
        rateLimit: limited(perMinute),
      },
      schema: {
        tags,
        summary: 'A guest registers at the kiosk; the answer says only that the entry waits',
        body: kioskEntryInput,
        response: { 201: kioskReceipt },
      },
    },
    async (request, reply) => reply.code(201).send(await kiosk.submit(request.ctx, request.body, keyOf(request))),
  );
  app.get(
    '/api/visitors/kiosk/hosts',
    {
      config: {
        access: { public: 'the kiosk lets a guest find their host; it answers names and units only' },
        rateLimit: limited(perMinute * 10),
      },
      schema: {
        tags,
        summary: 'Directory people by name for the kiosk (names and units only)',
        querystring: kioskHostQuery,
        response: { 200: kioskHosts },
      },
    },
    async (request) => kiosk.hosts(request.query.q, keyOf(request)),
  );
  app.get(
    '/api/visitors/kiosk/settings',
    {
      config: {
        access: { public: 'the kiosk shows the privacy notice before anyone signs anything' },
        rateLimit: limited(perMinute * 10),
      },
      schema: { tags, summary: 'The privacy notice per language and the idle reset', response: { 200: kioskSettings } },
    },
    async () => kiosk.settings(),
  );
  app.get(
    '/api/visitors/kiosk/invitations/:token',
    {
      config: {
        access: { public: "an invited guest's QR code fills in the kiosk form; the token is the credential" },
        rateLimit: limited(perMinute),
      },
      schema: {
        tags,
        summary: 'What an invitation fills in; 404 when unknown, used, or not for today',
        params: tokenParams,
        response: { 200: kioskInvitation },
      },
    },
    async (request) => kiosk.invitation(request.params.token, keyOf(request)),
  );
};
