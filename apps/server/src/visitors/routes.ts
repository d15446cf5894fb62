import {
  cardAssignment,
  cardList,
  cardQuery,
  entry,
  entryNotes,
  entryPage,
  entryQuery,
  entryRejection,
  entryRelease,
  evacuationList,
  idParams,
  overview,
  scanInput,
  scanResult,
} from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ReceptionService } from './reception-service.js';

export const RECEPTION = 'visitors.reception';
const reception = { access: { permission: RECEPTION } } as const;
/** The card pool is read by reception (to hand cards out) and by its administrators. */
const cardReaders = { access: { permission: [RECEPTION, 'visitors.admin'] } };
export const tags = ['visitors'];

/** Reception's panel and the main panel, on the hub (the plugin that registers these refuses on a client node). */
export const receptionRoutes: FastifyPluginAsyncZod<{ reception: ReceptionService }> = async (
  app,
  { reception: service },
) => {
  app.get(
    '/api/visitors/entries',
    {
      config: reception,
      schema: {
        tags,
        summary: 'Visits by state, words (names, company, host, notes), days of submission; waiting ones oldest first',
        querystring: entryQuery,
        response: { 200: entryPage },
      },
    },
    async (request) => service.list(request.ctx, request.query),
  );
  app.get(
    '/api/visitors/entries/:id',
    { config: reception, schema: { tags, summary: 'A visit', params: idParams, response: { 200: entry } } },
    async (request) => service.get(request.ctx, request.params.id),
  );
  app.patch(
    '/api/visitors/entries/:id',
    {
      config: reception,
      schema: {
        tags,
        summary: "Saves reception's notes on a visit",
        params: idParams,
        body: entryNotes,
        response: { 200: entry },
      },
    },
    async (request) => service.setNotes(request.ctx, request.params.id, request.body.notes),
  );
  app.post(
    '/api/visitors/entries/:id/card',
    {
      config: reception,
      schema: {
        tags,
        summary: 'Hands a card to a waiting guest (409 visitors.card_taken when someone holds it)',
        params: idParams,
        body: cardAssignment,
        response: { 200: entry },
      },
    },
    async (request) => service.assignCard(request.ctx, request.params.id, request.body.card),
  );
  app.post(
    '/api/visitors/entries/:id/reject',
    {
      config: reception,
      schema: {
        tags,
        summary: "Rejects a waiting guest: the entry and the guest's data are deleted; an anonymous audit record stays",
        params: idParams,
        body: entryRejection.optional(),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.reject(request.ctx, request.params.id, request.body?.reason);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/visitors/entries/:id/release',
    {
      config: reception,
      schema: {
        tags,
        summary: 'The guest leaves: exit time, notes and the card back in the pool, in one transaction',
        params: idParams,
        body: entryRelease.optional(),
        response: { 200: entry },
      },
    },
    async (request) => service.release(request.ctx, request.params.id, request.body?.notes),
  );
  app.post(
    '/api/visitors/scan',
    {
      config: reception,
      schema: {
        tags,
        summary:
          'A barcode scan (000 + card): releases the holder of a given card, or gives a free card to the first waiting guest',
        body: scanInput,
        response: { 200: scanResult },
      },
    },
    async (request) => service.scan(request.ctx, request.body.code),
  );
  app.get(
    '/api/visitors/cards',
    {
      config: cardReaders,
      schema: {
        tags,
        summary: 'The card pool with each card’s type and holder; free=true: the cards reception can hand out',
        querystring: cardQuery,
        response: { 200: cardList },
      },
    },
    async (request) => ({ cards: await service.cards(request.ctx, request.query) }),
  );
  app.get(
    '/api/visitors/overview',
    {
      config: reception,
      schema: {
        tags,
        summary: 'The main panel: waiting guests, people in by card type, free cards per type, today per hour',
        response: { 200: overview },
      },
    },
    async (request) => service.overview(request.ctx),
  );
};

/** The evacuation list, served by every node from its replicated copy of who is in the building. */
export const evacuationRoutes: FastifyPluginAsyncZod<{ reception: ReceptionService }> = async (
  app,
  { reception: service },
) => {
  app.get(
    '/api/visitors/evacuation',
    {
      config: reception,
      schema: {
        tags,
        summary: 'Everyone in the building now, on any node; asOf says how fresh a client node’s copy is',
        response: { 200: evacuationList },
      },
    },
    async (request) => service.evacuation(request.ctx),
  );
};
