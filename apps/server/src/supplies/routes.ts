import {
  catalogPage,
  catalogQuery,
  changeRequestInput,
  favouriteList,
  idParams,
  order,
  orderEdit,
  orderExportQuery,
  orderInput,
  orderingUnit,
  orderListQuery,
  orderPage,
  standardOrder,
  standardOrderInput,
  supplyCategory,
} from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EXPORT_TYPES } from '../platform/files/spreadsheet.js';
import type { CatalogService } from './catalog-service.js';
import type { OrderExport } from './order-export.js';
import type { OrderService } from './order-service.js';
import type { UnitListsService } from './unit-lists-service.js';

const ordering = { access: { permission: 'supplies.order' } } as const;
/** Reading orders and the catalog: ward staff, and the hub's staff who take orders in. */
const reading = { access: { permission: ['supplies.order', 'supplies.manage'] } };
const tags = ['supplies'];
const favouriteParams = z.strictObject({ id: z.uuid(), articleId: z.uuid() });

export interface SuppliesRouteOptions {
  catalog: CatalogService;
  orders: OrderService;
  lists: UnitListsService;
  exports: OrderExport;
}

/** Ordering; every node answers from its own database, so these work with the hub unreachable. */
export const suppliesRoutes: FastifyPluginAsyncZod<SuppliesRouteOptions> = async (
  app,
  { catalog, orders, lists, exports },
) => {
  app.get(
    '/api/supplies/categories',
    { config: reading, schema: { tags, summary: 'Catalog categories', response: { 200: z.array(supplyCategory) } } },
    async (request) => catalog.categories(request.ctx),
  );
  app.get(
    '/api/supplies/articles',
    {
      config: reading,
      schema: {
        tags,
        summary: 'Articles by text (number, name, maker; any case and accents, typos tolerated) and category',
        querystring: catalogQuery,
        response: { 200: catalogPage },
      },
    },
    async (request) => catalog.articles(request.ctx, request.query),
  );
  app.get(
    '/api/supplies/units',
    {
      config: ordering,
      schema: { tags, summary: 'The units the caller orders for', response: { 200: z.array(orderingUnit) } },
    },
    async (request) => lists.orderingUnits(request.ctx),
  );
  app.get(
    '/api/supplies/units/:id/favourites',
    {
      config: ordering,
      schema: { tags, summary: "A unit's favourite articles", params: idParams, response: { 200: favouriteList } },
    },
    async (request) => lists.favourites(request.ctx, request.params.id),
  );
  app.put(
    '/api/supplies/units/:id/favourites/:articleId',
    {
      config: ordering,
      schema: {
        tags,
        summary: "Adds to a unit's favourites",
        params: favouriteParams,
        response: { 200: favouriteList },
      },
    },
    async (request) => lists.setFavourite(request.ctx, request.params.id, request.params.articleId, true),
  );
  app.delete(
    '/api/supplies/units/:id/favourites/:articleId',
    {
      config: ordering,
      schema: {
        tags,
        summary: "Removes from a unit's favourites",
        params: favouriteParams,
        response: { 200: favouriteList },
      },
    },
    async (request) => lists.setFavourite(request.ctx, request.params.id, request.params.articleId, false),
  );
  app.get(
    '/api/supplies/units/:id/standard-orders',
    {
      config: ordering,
      schema: {
        tags,
        summary: "A unit's standard orders",
        params: idParams,
        response: { 200: z.array(standardOrder) },
      },
    },
    async (request) => lists.standardOrders(request.ctx, request.params.id),
  );
  app.post(
    '/api/supplies/standard-orders',
    {
      config: ordering,
      schema: { tags, summary: 'Saves a standard order', body: standardOrderInput, response: { 201: standardOrder } },
    },
    async (request, reply) => reply.code(201).send(await lists.saveStandardOrder(request.ctx, undefined, request.body)),
  );
  app.put(
    '/api/supplies/standard-orders/:id',
    {
      config: ordering,
      schema: {
        tags,
        summary: 'Changes a standard order',
        params: idParams,
        body: standardOrderInput,
        response: { 200: standardOrder },
      },
    },
    async (request) => lists.saveStandardOrder(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/supplies/standard-orders/:id',
    {
      config: ordering,
      schema: { tags, summary: 'Deletes a standard order', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await lists.deleteStandardOrder(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/supplies/orders',
    {
      config: ordering,
      schema: {
        tags,
        summary: 'Places an order, saved on this node at once and sent to the hub when it can be',
        body: orderInput,
        response: { 201: order },
      },
    },
    async (request, reply) => reply.code(201).send(await orders.place(request.ctx, request.body)),
  );
  app.get(
    '/api/supplies/orders',
    {
      config: reading,
      schema: {
        tags,
        summary: 'Orders of the units the caller orders for (staff: all), newest first',
        querystring: orderListQuery,
        response: { 200: orderPage },
      },
    },
    async (request) => orders.list(request.ctx, request.query),
  );
  app.get(
    '/api/supplies/orders/export',
    {
      config: reading,
      schema: {
        tags,
        summary: 'The orders the filters select as a CSV or Excel file, a row per line',
        querystring: orderExportQuery,
      },
    },
    async (request, reply) => {
      const { format, ...filters } = request.query;
      const date = new Date().toISOString().slice(0, 10);
      return reply
        .type(EXPORT_TYPES[format])
        .header('content-disposition', `attachment; filename="orders-${date}.${format}"`)
        .send(await exports.export(request.ctx, filters, format));
    },
  );
  app.get(
    '/api/supplies/orders/:id',
    { config: reading, schema: { tags, summary: 'An order', params: idParams, response: { 200: order } } },
    async (request) => orders.get(request.ctx, request.params.id),
  );
  app.put(
    '/api/supplies/orders/:id',
    {
      config: ordering,
      schema: {
        tags,
        summary: 'Changes an order the hub has not taken in yet',
        params: idParams,
        body: orderEdit,
        response: { 200: order },
      },
    },
    async (request) => orders.edit(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/supplies/orders/:id/withdraw',
    {
      config: ordering,
      schema: {
        tags,
        summary: 'Withdraws an order the hub has not taken in yet',
        params: idParams,
        response: { 200: order },
      },
    },
    async (request) => orders.withdraw(request.ctx, request.params.id),
  );
  app.post(
    '/api/supplies/orders/:id/requests',
    {
      config: ordering,
      schema: {
        tags,
        summary: 'Asks the hub to change or withdraw an order it has taken in',
        params: idParams,
        body: changeRequestInput,
        response: { 201: order },
      },
    },
    async (request, reply) => reply.code(201).send(await orders.request(request.ctx, request.params.id, request.body)),
  );
};
