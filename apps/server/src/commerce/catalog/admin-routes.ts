import {
  catalogAttribute,
  catalogAttributeInput,
  catalogAttributeList,
  catalogBrand,
  catalogBrandInput,
  catalogBrandList,
  catalogBrandPatch,
  catalogCategory,
  catalogCategoryInput,
  catalogCategoryList,
  catalogCategoryMove,
  catalogCategoryPatch,
  catalogCodeParams,
  catalogCurrency,
  catalogCurrencyInput,
  catalogCurrencyList,
  catalogKeyParams,
  catalogListPrices,
  catalogLowStockList,
  catalogPriceList,
  catalogPriceListList,
  catalogPriceListPatch,
  catalogPriceSetInput,
  catalogSaleListInput,
  catalogStockInput,
  catalogStockLevel,
  catalogVariantPrices,
  catalogVatRateList,
  idParams,
} from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PriceService } from './price-service.js';
import { CATALOG, MARKETING } from './price-service.js';
import type { StockService } from './stock-service.js';
import type { TaxonomyService } from './taxonomy-service.js';

export const tags = ['commerce'];
export const catalogAccess = { access: { permission: CATALOG } } as const;
/** Price lists are read and edited by both: retail prices by the catalog's keepers, campaigns by marketing. */
const pricesAccess = { access: { permission: [CATALOG, MARKETING] as string[] } };
/** Reading products: their keepers, and marketing, who pick the variants a campaign prices. */
export const productReaders = { access: { permission: [CATALOG, MARKETING] as string[] } };
const marketing = { access: { permission: MARKETING } } as const;
/** The lists other back-office pages pick from: a campaign targets a category or brand; reports pick a currency. */
const pickLists = { access: { permission: [CATALOG, MARKETING] as string[] } };
const currencyReaders = {
  access: { permission: [CATALOG, MARKETING, 'commerce.orders', 'commerce.reports'] as string[] },
};
const noContent = { 204: z.null() };

/** Brands, categories, attributes, currencies, VAT, price lists, prices and stock levels: the admin API. */
export const catalogAdminRoutes: FastifyPluginAsyncZod<{
  taxonomy: TaxonomyService;
  prices: PriceService;
  stock: StockService;
}> = async (app, { taxonomy, prices, stock }) => {
  app.get(
    '/api/commerce/brands',
    { config: pickLists, schema: { tags, summary: 'The brands', response: { 200: catalogBrandList } } },
    async (request) => taxonomy.brands(request.ctx),
  );
  app.post(
    '/api/commerce/brands',
    {
      config: catalogAccess,
      schema: { tags, summary: 'Adds a brand', body: catalogBrandInput, response: { 201: catalogBrand } },
    },
    async (request, reply) => reply.code(201).send(await taxonomy.createBrand(request.ctx, request.body)),
  );
  app.patch(
    '/api/commerce/brands/:id',
    {
      config: catalogAccess,
      schema: {
        tags,
        summary: 'Renames a brand or changes its slug',
        params: idParams,
        body: catalogBrandPatch,
        response: { 200: catalogBrand },
      },
    },
    async (request) => taxonomy.updateBrand(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/commerce/brands/:id',
    {
      config: catalogAccess,
      schema: {
        tags,
        summary: 'Deletes a brand no product has (409 otherwise)',
        params: idParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      await taxonomy.deleteBrand(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/commerce/categories',
    {
      config: pickLists,
      schema: {
        tags,
        summary: 'Every category (a tree by parentId, in position order)',
        response: { 200: catalogCategoryList },
      },
    },
    async (request) => taxonomy.categories(request.ctx),
  );
  app.post(
    '/api/commerce/categories',
    {
      config: catalogAccess,
      schema: {
        tags,
        summary: 'Adds a category with its texts in the shop’s languages (sv and en required)',
        body: catalogCategoryInput,
        response: { 201: catalogCategory },
      },
    },
    async (request, reply) => reply.code(201).send(await taxonomy.createCategory(request.ctx, request.body)),
  );
  app.patch(
    '/api/commerce/categories/:id',
    {
      config: catalogAccess,
      schema: {
        tags,
        summary: 'Changes a category’s texts or slug; an old slug keeps redirecting to it',
        params: idParams,
        body: catalogCategoryPatch,
        response: { 200: catalogCategory },
      },
    },
    async (request) => taxonomy.updateCategory(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/commerce/categories/:id/move',
    {
      config: catalogAccess,
      schema: {
        tags,
        summary: 'Moves a category under another (or to the top) at a position; never below itself',
        params: idParams,
        body: catalogCategoryMove,
        response: { 200: catalogCategory },
      },
    },
    async (request) =>
      taxonomy.moveCategory(request.ctx, request.params.id, request.body.parentId, request.body.position),
  );
  app.delete(
    '/api/commerce/categories/:id',
    {
      config: catalogAccess,
      schema: {
        tags,
        summary: 'Deletes a category without sub-categories or products (409 otherwise)',
        params: idParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      await taxonomy.deleteCategory(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/commerce/attributes',
    {
      config: catalogAccess,
      schema: { tags, summary: 'The typed attributes', response: { 200: catalogAttributeList } },
    },
    async (request) => taxonomy.attributes(request.ctx),
  );
  app.put(
    '/api/commerce/attributes/:key',
    {
      config: catalogAccess,
      schema: {
        tags,
        summary: 'Defines or changes an attribute (text, number, boolean or enum; facet makes it a search facet)',
        params: catalogKeyParams,
        body: catalogAttributeInput,
        response: { 200: catalogAttribute },
      },
    },
    async (request) => taxonomy.saveAttribute(request.ctx, request.params.key, request.body),
  );
  app.delete(
    '/api/commerce/attributes/:key',
    {
      config: catalogAccess,
      schema: { tags, summary: 'Deletes an attribute no product holds', params: catalogKeyParams, response: noContent },
    },
    async (request, reply) => {
      await taxonomy.deleteAttribute(request.ctx, request.params.key);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/commerce/currencies',
    { config: currencyReaders, schema: { tags, summary: 'The currencies', response: { 200: catalogCurrencyList } } },
    async (request) => prices.currencies(request.ctx),
  );
  app.put(
    '/api/commerce/currencies/:code',
    {
      config: catalogAccess,
      schema: {
        tags,
        summary: 'Adds or changes a currency; only active ones are sold',
        params: catalogCodeParams,
        body: catalogCurrencyInput,
        response: { 200: catalogCurrency },
      },
    },
    async (request) => prices.saveCurrency(request.ctx, request.params.code, request.body),
  );
  app.get(
    '/api/commerce/vat-rates',
    {
      config: pricesAccess,
      schema: { tags, summary: 'VAT rates by class and date', response: { 200: catalogVatRateList } },
    },
    async (request) => prices.vatRates(request.ctx),
  );

  app.get(
    '/api/commerce/price-lists',
    {
      config: pricesAccess,
      schema: { tags, summary: 'Retail and campaign price lists', response: { 200: catalogPriceListList } },
    },
    async (request) => prices.priceLists(request.ctx),
  );
  app.post(
    '/api/commerce/price-lists',
    {
      config: marketing,
      schema: {
        tags,
        summary: 'Starts a campaign: a sale price list with a window and a priority',
        body: catalogSaleListInput,
        response: { 201: catalogPriceList },
      },
    },
    async (request, reply) => reply.code(201).send(await prices.createSaleList(request.ctx, request.body)),
  );
  app.patch(
    '/api/commerce/price-lists/:id',
    {
      config: pricesAccess,
      schema: {
        tags,
        summary: 'Changes a price list (a campaign needs commerce.marketing; retail can only be renamed)',
        params: idParams,
        body: catalogPriceListPatch,
        response: { 200: catalogPriceList },
      },
    },
    async (request) => prices.updatePriceList(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/commerce/price-lists/:id',
    {
      config: marketing,
      schema: { tags, summary: 'Deletes a campaign and its prices', params: idParams, response: noContent },
    },
    async (request, reply) => {
      await prices.deletePriceList(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/commerce/price-lists/:id/prices',
    {
      config: pricesAccess,
      schema: {
        tags,
        summary: 'The prices of one list, with each variant’s SKU and product',
        params: idParams,
        response: { 200: catalogListPrices },
      },
    },
    async (request) => prices.listPrices(request.ctx, request.params.id),
  );
  app.put(
    '/api/commerce/price-lists/:id/prices',
    {
      config: pricesAccess,
      schema: {
        tags,
        summary: 'Replaces a variant’s prices in a list and currency (tiers by minQuantity, validity windows); audited',
        params: idParams,
        body: catalogPriceSetInput,
        response: { 200: catalogVariantPrices },
      },
    },
    async (request) => prices.setPrices(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/commerce/variants/:id/prices',
    {
      config: pricesAccess,
      schema: {
        tags,
        summary: 'A variant’s prices in every list, what it costs now, and its price history',
        params: idParams,
        response: { 200: catalogVariantPrices },
      },
    },
    async (request) => prices.variantPrices(request.ctx, request.params.id),
  );

  app.put(
    '/api/commerce/variants/:id/stock',
    {
      config: catalogAccess,
      schema: {
        tags,
        summary: 'Sets a variant’s stock level, backorder rule and low-stock threshold; audited',
        params: idParams,
        body: catalogStockInput,
        response: { 200: catalogStockLevel },
      },
    },
    async (request) => stock.setLevel(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/commerce/stock/low',
    {
      config: catalogAccess,
      schema: {
        tags,
        summary: 'Variants at or below their low-stock threshold',
        response: { 200: catalogLowStockList },
      },
    },
    async (request) => stock.lowStock(request.ctx),
  );
};
