import {
  idParams,
  shopCustomerDetail,
  shopCustomerPage,
  shopCustomerQuery,
  shopOrderDetail,
  shopOrderListQuery,
  shopOrderNoteInput,
  shopOrderPage,
  shopOrderRefund,
  shopOrderRefundInput,
  shopOrderShipInput,
} from '@kontor/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { badRequest } from '../../platform/http/errors.js';
import type { CustomerService } from './customer-service.js';
import type { OrderAdminService } from './order-admin-service.js';

const ORDERS = { access: { permission: 'commerce.orders' } } as const;
const tags = ['commerce'];

/** The request's Idempotency-Key (Stripe's header), at most 255 characters as Stripe allows. */
function idempotencyKey(request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || key.length === 0 || key.length > 255)
    throw badRequest('validation_failed', 'The Idempotency-Key header must be 1 to 255 characters', [
      { path: 'headers.idempotency-key', message: '1 to 255 characters' },
    ]);
  return key;
}

/** Orders and customers for the shop's staff (`commerce.orders`). */
export const orderAdminRoutes: FastifyPluginAsyncZod<{ admin: OrderAdminService; customers: CustomerService }> = async (
  app,
  { admin, customers },
) => {
  app.get(
    '/api/commerce/orders',
    {
      config: ORDERS,
      schema: {
        tags,
        summary: 'Orders, newest first: by status, days created (Stockholm), number, e-mail or name; keyset pages',
        querystring: shopOrderListQuery,
        response: { 200: shopOrderPage },
      },
    },
    async (request) => admin.list(request.ctx, request.query),
  );
  app.get(
    '/api/commerce/orders/:id',
    {
      config: ORDERS,
      schema: {
        tags,
        summary: 'An order with its lines, totals, history, payments and refunds',
        params: idParams,
        response: { 200: shopOrderDetail },
      },
    },
    async (request) => admin.detail(request.ctx, request.params.id),
  );
  app.post(
    '/api/commerce/orders/:id/ship',
    {
      config: ORDERS,
      schema: {
        tags,
        summary: 'Paid → shipped with the tracking number; the customer gets the shipping notice',
        params: idParams,
        body: shopOrderShipInput,
        response: { 200: shopOrderDetail },
      },
    },
    async (request) => admin.ship(request.ctx, request.params.id, request.body),
  );
  const noteMove = (
    path: string,
    summary: string,
    act: (ctx: FastifyRequest['ctx'], id: string, note?: string) => unknown,
  ) =>
    app.post(
      `/api/commerce/orders/:id/${path}`,
      {
        config: ORDERS,
        schema: {
          tags,
          summary,
          params: idParams,
          body: shopOrderNoteInput.optional(),
          response: { 200: shopOrderDetail },
        },
      },
      async (request) => act(request.ctx, request.params.id, request.body?.note) as never,
    );
  noteMove('deliver', 'Shipped → delivered', (ctx, id, note) => admin.deliver(ctx, id, note));
  noteMove('return', 'Delivered → returned: the goods came back (refund the money with /refunds)', (ctx, id, note) =>
    admin.takeBack(ctx, id, note),
  );
  noteMove(
    'cancel',
    'Created or paid → cancelled: a paid order’s money goes back through the provider first; stock comes back',
    (ctx, id, note) => admin.cancel(ctx, id, note),
  );
  noteMove('review/resolve', 'Ends the manual review of an order (a payment that did not match it)', (ctx, id, note) =>
    admin.clearReview(ctx, id, note),
  );
  app.post(
    '/api/commerce/orders/:id/refunds',
    {
      config: ORDERS,
      schema: {
        tags,
        summary:
          'Gives money back through the provider, all that is left or amountMinor; honours Idempotency-Key (same key → same refund)',
        params: idParams,
        body: shopOrderRefundInput,
        response: { 200: shopOrderRefund, 201: shopOrderRefund },
      },
    },
    async (request, reply) => {
      const refund = await admin.refund(request.ctx, request.params.id, request.body, idempotencyKey(request));
      if (refund.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(refund.replayed ? 200 : 201).send(refund);
    },
  );

  app.get(
    '/api/commerce/customers',
    {
      config: ORDERS,
      schema: {
        tags,
        summary: 'Customers whose name, e-mail, company, organisation number or phone hold all the words; newest first',
        querystring: shopCustomerQuery,
        response: { 200: shopCustomerPage },
      },
    },
    async (request) => customers.search(request.ctx, request.query),
  );
  app.get(
    '/api/commerce/customers/:id',
    {
      config: ORDERS,
      schema: {
        tags,
        summary: 'A customer with their saved addresses and latest orders',
        params: idParams,
        response: { 200: shopCustomerDetail },
      },
    },
    async (request) => customers.detail(request.ctx, request.params.id),
  );
};
