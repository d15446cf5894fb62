import {
  article,
  articleInput,
  feedPage,
  feedQuery,
  idParams,
  order,
  requestDecisionInput,
  statusChange,
  unitMembers,
  unitMembersInput,
} from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CatalogService } from './catalog-service.js';
import type { SupplierFeed } from './feed.js';
import type { OrderService } from './order-service.js';
import type { UnitListsService } from './unit-lists-service.js';

const managing = { access: { permission: 'supplies.manage' } } as const;
const tags = ['supplies'];

export interface SuppliesHubRouteOptions {
  catalog: CatalogService;
  orders: OrderService;
  lists: UnitListsService;
  feed: SupplierFeed;
}

/** What the hub's staff do with incoming orders and the catalog, and what suppliers' services read. */
export const suppliesHubRoutes: FastifyPluginAsyncZod<SuppliesHubRouteOptions> = async (
  app,
  { catalog, orders, lists, feed },
) => {
  app.post(
    '/api/supplies/orders/:id/status',
    {
      config: managing,
      schema: {
        tags,
        summary: 'Moves an order on (received, confirmed, delivered) or cancels it, on the hub',
        params: idParams,
        body: statusChange,
        response: { 200: order },
      },
    },
    async (request) => orders.setStatus(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/supplies/requests/:id/decision',
    {
      config: managing,
      schema: {
        tags,
        summary: 'Accepts or refuses a change request, on the hub',
        params: idParams,
        body: requestDecisionInput,
        response: { 200: order },
      },
    },
    async (request) => orders.decide(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/supplies/articles',
    {
      config: managing,
      schema: { tags, summary: 'Adds an article to the catalog', body: articleInput, response: { 201: article } },
    },
    async (request, reply) => reply.code(201).send(await catalog.createArticle(request.ctx, request.body)),
  );
  app.put(
    '/api/supplies/articles/:id',
    {
      config: managing,
      schema: {
        tags,
        summary: 'Changes an article (deactivate it rather than delete: orders name it)',
        params: idParams,
        body: articleInput,
        response: { 200: article },
      },
    },
    async (request) => catalog.updateArticle(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/supplies/units/:id/members',
    {
      config: managing,
      schema: { tags, summary: 'Who orders for a unit', params: idParams, response: { 200: unitMembers } },
    },
    async (request) => lists.members(request.ctx, request.params.id),
  );
  app.put(
    '/api/supplies/units/:id/members',
    {
      config: managing,
      schema: {
        tags,
        summary: 'Sets who orders for a unit',
        params: idParams,
        body: unitMembersInput,
        response: { 200: unitMembers },
      },
    },
    async (request) => lists.setMembers(request.ctx, request.params.id, request.body.userIds),
  );
  app.get(
    '/api/supplies/feed',
    {
      config: { access: { permission: 'supplies.feed' } },
      schema: {
        tags,
        summary: "What happened to orders on this node, oldest first, from a cursor (for suppliers' services)",
        querystring: feedQuery,
        response: { 200: feedPage },
      },
    },
    async (request) => feed.page(request.query.after, request.query.limit),
  );
};
