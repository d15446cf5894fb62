import {
  accountOrder,
  accountOrderListQuery,
  accountOrderPage,
  guestOrderQuery,
  idParams,
  shopAccount,
  shopAddress,
  shopAddressInput,
  shopAddressList,
  shopPaymentStarted,
  shopSignupInput,
  shopSignupResult,
} from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccountService } from './account-service.js';

/** Any signed-in user: a shop customer holds no permission, only an account. */
const SIGNED_IN = { access: { authenticated: true } } as const;
const tags = ['commerce'];
const pdf = z.any().describe('application/pdf');

/** The customer's account pages, a guest's order by its link, and signing up. */
export const accountRoutes: FastifyPluginAsyncZod<{ account: AccountService; signupPerMinute: number }> = async (
  app,
  { account, signupPerMinute },
) => {
  app.post(
    '/api/shop/account',
    {
      config: {
        access: { public: 'a customer makes their account here; it gets no roles and no permissions' },
        rateLimit: { max: signupPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary:
          'Signs up a shop customer: a user (the e-mail is the sign-in name) with no roles, and their customer record',
        body: shopSignupInput,
        response: { 201: shopSignupResult },
      },
    },
    async (request, reply) => reply.code(201).send(await account.signUp(request.ctx, request.body)),
  );
  app.get(
    '/api/shop/account',
    { config: SIGNED_IN, schema: { tags, summary: 'The signed-in customer', response: { 200: shopAccount } } },
    async (request) => account.me(request.ctx),
  );
  app.get(
    '/api/shop/account/orders',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'The signed-in customer’s orders, newest first',
        querystring: accountOrderListQuery,
        response: { 200: accountOrderPage },
      },
    },
    async (request) => account.orders(request.ctx, request.query),
  );
  app.get(
    '/api/shop/account/orders/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'One of the signed-in customer’s orders',
        params: idParams,
        response: { 200: accountOrder },
      },
    },
    async (request) => account.order(request.ctx, request.params.id),
  );
  app.get(
    '/api/shop/account/orders/:id/receipt.pdf',
    {
      config: SIGNED_IN,
      schema: { tags, summary: 'The receipt of a paid order (PDF)', params: idParams, response: { 200: pdf } },
    },
    async (request, reply) => {
      const { filename, pdf: bytes } = await account.receipt(request.ctx, request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${filename}"`)
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );
  app.post(
    '/api/shop/account/orders/:id/payment',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Opens (or reopens) the payment of one of the customer’s unpaid orders: where to send them to pay',
        params: idParams,
        response: { 200: shopPaymentStarted },
      },
    },
    async (request) => account.pay(request.ctx, request.params.id),
  );
  app.get(
    '/api/shop/account/addresses',
    {
      config: SIGNED_IN,
      schema: { tags, summary: 'The signed-in customer’s saved addresses', response: { 200: shopAddressList } },
    },
    async (request) => account.addresses(request.ctx),
  );
  app.post(
    '/api/shop/account/addresses',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Saves an address; a new default replaces the old default',
        body: shopAddressInput,
        response: { 201: shopAddress },
      },
    },
    async (request, reply) => reply.code(201).send(await account.addAddress(request.ctx, request.body)),
  );
  app.put(
    '/api/shop/account/addresses/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags,
        summary: 'Changes a saved address',
        params: idParams,
        body: shopAddressInput,
        response: { 200: shopAddress },
      },
    },
    async (request) => account.updateAddress(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/shop/account/addresses/:id',
    {
      config: SIGNED_IN,
      schema: { tags, summary: 'Removes a saved address', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await account.deleteAddress(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/shop/orders/:id',
    {
      config: {
        access: { public: 'a guest has no account: the unguessable token from their order link is the key' },
        rateLimit: { max: signupPerMinute * 10, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'An order by its link (guest checkout): 404 unless the token is the order’s',
        params: idParams,
        querystring: guestOrderQuery,
        response: { 200: accountOrder },
      },
    },
    async (request) => account.guestOrder(request.ctx, request.params.id, request.query.token),
  );
  app.post(
    '/api/shop/orders/:id/payment',
    {
      config: {
        access: { public: 'a guest has no account: the unguessable token from their order link is the key' },
        rateLimit: { max: signupPerMinute * 10, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Opens (or reopens) the payment of an unpaid order by its link: where to send the customer to pay',
        params: idParams,
        querystring: guestOrderQuery,
        response: { 200: shopPaymentStarted },
      },
    },
    async (request) => account.guestPay(request.ctx, request.params.id, request.query.token),
  );
  app.post(
    '/api/shop/orders/:id/payment/refresh',
    {
      config: {
        access: { public: 'a guest has no account: the unguessable token from their order link is the key' },
        rateLimit: { max: signupPerMinute * 10, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary:
          'Back from the payment page: asks the provider for the payment’s state now (as its webhook would) and answers the order',
        params: idParams,
        querystring: guestOrderQuery,
        response: { 200: accountOrder },
      },
    },
    async (request) => account.guestRefresh(request.ctx, request.params.id, request.query.token),
  );
  app.get(
    '/api/shop/orders/:id/receipt.pdf',
    {
      config: {
        access: { public: 'a guest has no account: the unguessable token from their order link is the key' },
        rateLimit: { max: signupPerMinute * 10, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'The receipt of a paid order by its link (PDF)',
        params: idParams,
        querystring: guestOrderQuery,
        response: { 200: pdf },
      },
    },
    async (request, reply) => {
      const { filename, pdf: bytes } = await account.guestReceipt(request.ctx, request.params.id, request.query.token);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${filename}"`)
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );
};
