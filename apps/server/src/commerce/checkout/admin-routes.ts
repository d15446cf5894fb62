import {
  discountCode,
  discountCodeInput,
  discountCodeList,
  discountRule,
  discountRuleInput,
  discountRuleList,
  idParams,
  shippingMethodInput,
  shippingRatesInput,
  shippingTables,
  shippingZoneInput,
} from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DiscountService } from './discount-service.js';
import type { ShippingService } from './shipping-service.js';

const tags = ['commerce'];
const orders = { access: { permission: 'commerce.orders' } } as const;
const marketing = { access: { permission: 'commerce.marketing' } } as const;

/** The shipping rate tables: zones, methods, rates. Kept by those who handle orders; every change audited. */
export const shippingAdminRoutes: FastifyPluginAsyncZod<{ shipping: ShippingService }> = async (app, { shipping }) => {
  app.get(
    '/api/commerce/shipping',
    {
      config: orders,
      schema: { tags, summary: 'Every zone with its countries, methods and rates', response: { 200: shippingTables } },
    },
    async (request) => shipping.tables(request.ctx),
  );
  app.post(
    '/api/commerce/shipping/zones',
    {
      config: orders,
      schema: {
        tags,
        summary: 'Adds a zone; a country already in another zone is refused (422)',
        body: shippingZoneInput,
        response: { 201: shippingTables },
      },
    },
    async (request, reply) => reply.code(201).send(await shipping.createZone(request.ctx, request.body)),
  );
  app.put(
    '/api/commerce/shipping/zones/:id',
    {
      config: orders,
      schema: {
        tags,
        summary: 'Replaces a zone: code, name, countries, position',
        params: idParams,
        body: shippingZoneInput,
        response: { 200: shippingTables },
      },
    },
    async (request) => shipping.updateZone(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/commerce/shipping/zones/:id',
    {
      config: orders,
      schema: {
        tags,
        summary: 'Deletes a zone with its methods and rates',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await shipping.deleteZone(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/commerce/shipping/methods',
    {
      config: orders,
      schema: {
        tags,
        summary: 'Adds a method to a zone (parcel, freight, or scheduled delivery for bulky goods)',
        body: shippingMethodInput,
        response: { 201: shippingTables },
      },
    },
    async (request, reply) => reply.code(201).send(await shipping.createMethod(request.ctx, request.body)),
  );
  app.put(
    '/api/commerce/shipping/methods/:id',
    {
      config: orders,
      schema: {
        tags,
        summary: 'Replaces a method',
        params: idParams,
        body: shippingMethodInput,
        response: { 200: shippingTables },
      },
    },
    async (request) => shipping.updateMethod(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/commerce/shipping/methods/:id',
    {
      config: orders,
      schema: { tags, summary: 'Deletes a method and its rates', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await shipping.deleteMethod(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.put(
    '/api/commerce/shipping/methods/:id/rates',
    {
      config: orders,
      schema: {
        tags,
        summary: "Replaces a method's rate table: per currency, by max weight (null: no upper bound)",
        params: idParams,
        body: shippingRatesInput,
        response: { 200: shippingTables },
      },
    },
    async (request) => shipping.setRates(request.ctx, request.params.id, request.body),
  );
};

/** Discount codes and automatic discounts (campaigns, volume, bundles). Every change audited. */
export const discountAdminRoutes: FastifyPluginAsyncZod<{ discounts: DiscountService }> = async (
  app,
  { discounts },
) => {
  app.get(
    '/api/commerce/discounts/codes',
    {
      config: marketing,
      schema: { tags, summary: 'Discount codes, newest first, with their uses', response: { 200: discountCodeList } },
    },
    async (request) => discounts.codes(request.ctx),
  );
  app.post(
    '/api/commerce/discounts/codes',
    {
      config: marketing,
      schema: {
        tags,
        summary: 'Adds a discount code (percent, or an amount per currency; minimum order, window, usage limit)',
        body: discountCodeInput,
        response: { 201: discountCode },
      },
    },
    async (request, reply) => reply.code(201).send(await discounts.createCode(request.ctx, request.body)),
  );
  app.put(
    '/api/commerce/discounts/codes/:id',
    {
      config: marketing,
      schema: {
        tags,
        summary: 'Replaces a discount code (its uses so far are kept)',
        params: idParams,
        body: discountCodeInput,
        response: { 200: discountCode },
      },
    },
    async (request) => discounts.updateCode(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/commerce/discounts/codes/:id',
    {
      config: marketing,
      schema: { tags, summary: 'Deletes a discount code', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await discounts.deleteCode(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/commerce/discounts/rules',
    {
      config: marketing,
      schema: { tags, summary: 'Campaigns, volume and bundle discounts', response: { 200: discountRuleList } },
    },
    async (request) => discounts.rules(request.ctx),
  );
  app.post(
    '/api/commerce/discounts/rules',
    {
      config: marketing,
      schema: {
        tags,
        summary: 'Adds a campaign (percent off a category or brand in a window), a volume or a bundle discount',
        body: discountRuleInput,
        response: { 201: discountRule },
      },
    },
    async (request, reply) => reply.code(201).send(await discounts.createRule(request.ctx, request.body)),
  );
  app.put(
    '/api/commerce/discounts/rules/:id',
    {
      config: marketing,
      schema: {
        tags,
        summary: 'Replaces an automatic discount',
        params: idParams,
        body: discountRuleInput,
        response: { 200: discountRule },
      },
    },
    async (request) => discounts.updateRule(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/commerce/discounts/rules/:id',
    {
      config: marketing,
      schema: { tags, summary: 'Deletes an automatic discount', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await discounts.deleteRule(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
