import {
  crmClient,
  crmClientInput,
  crmClientPage,
  crmClientPatch,
  crmClientQuery,
  crmOrder,
  crmOrderInput,
  crmOrderPage,
  crmOrderQuery,
  crmOrderStatus,
  crmRefParams,
} from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CRM_READ, CRM_WRITE } from '../errors.js';
import type { CrmFacade } from './crm-facade.js';

const READ = { access: { permission: CRM_READ } } as const;
const WRITE = { access: { permission: CRM_WRITE } } as const;
const tags = ['crm'];

/** An order's edit: what may change once it is placed, and the version the editor saw. */
export const crmOrderPatch = z.strictObject({
  text: crmOrderInput.shape.text.optional(),
  status: crmOrderStatus.optional(),
  amountMinor: crmOrderInput.shape.amountMinor.optional(),
  version: z.number().int().min(1),
});

/** The CRM's clients and orders, answered by the facade from our services and the legacy CRM (docs/legacy.md). */
export const crmRoutes: FastifyPluginAsyncZod<{ facade: CrmFacade }> = async (app, { facade }) => {
  app.get(
    '/api/crm/clients',
    {
      config: READ,
      schema: {
        tags,
        summary:
          'Clients by name (every word, case and diacritics ignored, small typos forgiven) from both our service and ' +
          'the legacy CRM, ours first when both have one; partial when the legacy CRM did not answer',
        querystring: crmClientQuery,
        response: { 200: crmClientPage },
      },
    },
    async (request) => facade.clientsPage(request.ctx, request.query),
  );
  app.get(
    '/api/crm/clients/:ref',
    {
      config: READ,
      schema: {
        tags,
        summary: 'A client by ref, from our service or else the legacy CRM',
        params: crmRefParams,
        response: { 200: crmClient },
      },
    },
    async (request) => facade.client(request.ctx, request.params.ref),
  );
  app.post(
    '/api/crm/clients',
    {
      config: WRITE,
      schema: {
        tags,
        summary: 'Creates a client in our service (ref K-…)',
        body: crmClientInput,
        response: { 201: crmClient },
      },
    },
    async (request, reply) => reply.code(201).send(await facade.createClient(request.ctx, request.body)),
  );
  app.patch(
    '/api/crm/clients/:ref',
    {
      config: WRITE,
      schema: {
        tags,
        summary:
          'Edits a client from the version the editor saw; one that lives only in the legacy CRM moves into our ' +
          'service first, in the same transaction (503 while the legacy CRM does not answer)',
        params: crmRefParams,
        body: crmClientPatch,
        response: { 200: crmClient },
      },
    },
    async (request) => facade.editClient(request.ctx, request.params.ref, request.body),
  );

  app.get(
    '/api/crm/orders',
    {
      config: READ,
      schema: {
        tags,
        summary:
          'Orders, newest first, by client, words of number or text, status and days (Stockholm), from both our ' +
          'service and the legacy CRM, ours first when both have one; partial when the legacy CRM did not answer',
        querystring: crmOrderQuery,
        response: { 200: crmOrderPage },
      },
    },
    async (request) => facade.ordersPage(request.ctx, request.query),
  );
  app.get(
    '/api/crm/orders/:ref',
    {
      config: READ,
      schema: {
        tags,
        summary: 'An order by ref, from our service or else the legacy CRM',
        params: crmRefParams,
        response: { 200: crmOrder },
      },
    },
    async (request) => facade.order(request.ctx, request.params.ref),
  );
  app.post(
    '/api/crm/orders',
    {
      config: WRITE,
      schema: {
        tags,
        summary: 'Creates an order in our service (number K-…) for a client of either source (422 for an unknown one)',
        body: crmOrderInput,
        response: { 201: crmOrder },
      },
    },
    async (request, reply) => reply.code(201).send(await facade.createOrder(request.ctx, request.body)),
  );
  app.patch(
    '/api/crm/orders/:ref',
    {
      config: WRITE,
      schema: {
        tags,
        summary:
          'Edits an order (text, status, amount) from the version the editor saw; one that lives only in the legacy ' +
          'CRM moves into our service first, in the same transaction',
        params: crmRefParams,
        body: crmOrderPatch,
        response: { 200: crmOrder },
      },
    },
    async (request) => facade.editOrder(request.ctx, request.params.ref, request.body),
  );
};
