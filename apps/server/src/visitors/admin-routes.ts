import {
  card,
  cardList,
  cardRangeInput,
  cardTypeList,
  cardTypesInput,
  cardUpdate,
  idParams,
  kioskDeviceCreated,
  kioskDeviceInput,
  kioskDeviceList,
  reportQuery,
  visitorSettings,
  visitorSettingsInput,
} from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EXPORT_TYPES } from '../platform/files/spreadsheet.js';
import type { VisitorsAdminService } from './admin-service.js';
import { RECEPTION, tags } from './routes.js';

const ADMIN = 'visitors.admin';
const admin = { access: { permission: ADMIN } } as const;
const cardParams = z.strictObject({ number: z.coerce.number().int().min(0).max(999) });

/** The card types, on every node: they replicate, and the evacuation list names cards by them. */
export const cardTypeRoutes: FastifyPluginAsyncZod<{ admin: VisitorsAdminService }> = async (
  app,
  { admin: service },
) => {
  app.get(
    '/api/visitors/card-types',
    {
      // Reception names cards by their types ("Regular guest 7"), so it reads them too.
      config: { access: { permission: [RECEPTION, ADMIN] } },
      schema: { tags, summary: 'The card types and their number ranges', response: { 200: cardTypeList } },
    },
    async (request) => service.cardTypes(request.ctx),
  );
};

/** The visitors admin panel, on the hub. Every change is audited with its before and after. */
export const visitorsAdminRoutes: FastifyPluginAsyncZod<{ admin: VisitorsAdminService }> = async (
  app,
  { admin: service },
) => {
  app.put(
    '/api/visitors/card-types',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Replaces the card types; ranges must not overlap (422 names the clashing fields)',
        body: cardTypesInput,
        response: { 200: cardTypeList },
      },
    },
    async (request) => service.setCardTypes(request.ctx, request.body.types),
  );
  app.post(
    '/api/visitors/cards',
    {
      config: admin,
      schema: {
        tags,
        summary: "Adds a range of cards to the pool; every number must lie in a card type's range",
        body: cardRangeInput,
        response: { 201: cardList },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ cards: await service.addCards(request.ctx, request.body.from, request.body.to) }),
  );
  app.patch(
    '/api/visitors/cards/:number',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Marks a card lost, blocked or available, with a note',
        params: cardParams,
        body: cardUpdate,
        response: { 200: card },
      },
    },
    async (request) => service.updateCard(request.ctx, request.params.number, request.body.status, request.body.note),
  );
  app.get(
    '/api/visitors/kiosks',
    { config: admin, schema: { tags, summary: 'Registered kiosk devices', response: { 200: kioskDeviceList } } },
    async (request) => service.kiosks(request.ctx),
  );
  app.post(
    '/api/visitors/kiosks',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Registers a kiosk device; its key is answered this once',
        body: kioskDeviceInput,
        response: { 201: kioskDeviceCreated },
      },
    },
    async (request, reply) => reply.code(201).send(await service.addKiosk(request.ctx, request.body.name)),
  );
  app.delete(
    '/api/visitors/kiosks/:id',
    {
      config: admin,
      schema: { tags, summary: 'Revokes a kiosk device', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await service.revokeKiosk(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/visitors/settings',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Privacy notice, retention, kiosk rules',
        response: { 200: visitorSettings },
      },
    },
    async (request) => service.settings(request.ctx),
  );
  app.put(
    '/api/visitors/settings',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Saves the privacy notice, retention and kiosk rules',
        body: visitorSettingsInput,
        response: { 200: visitorSettings },
      },
    },
    async (request) => service.setSettings(request.ctx, request.body),
  );
  app.get(
    '/api/visitors/reports',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Visits per day, host or company over a period, as JSON or a CSV file',
        querystring: reportQuery,
      },
    },
    async (request, reply) => {
      const report = await service.report(request.ctx, request.query);
      if (request.query.format === 'json') return report;
      const { by, from, to } = request.query;
      return reply
        .type(EXPORT_TYPES.csv)
        .header('content-disposition', `attachment; filename="visits-by-${by}-${from}-${to}.csv"`)
        .send(service.reportCsv(report));
    },
  );
};
