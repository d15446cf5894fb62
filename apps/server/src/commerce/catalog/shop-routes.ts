import {
  catalogSlugParams,
  shopCatalogCategoryTree,
  shopCatalogLocaleQuery,
  shopCatalogProduct,
  shopCatalogProductQuery,
  shopCatalogRedirect,
} from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../platform/http/errors.js';
import type { Platform } from '../../platform/platform.js';
import { tags } from './admin-routes.js';
import type { ShopReadService } from './shop-read-service.js';
import { shopLocale } from './translations.js';

const shopCatalog = { access: { public: 'the shop’s catalog is what every visitor browses, signed in or not' } };
/**
 * The shop's public read API (the shop SPA and crawlers). An old product slug answers 301 with the current URL in
 * Location and, for clients that do not follow redirects, `{ slug, location }` as the body.
 */
export const shopCatalogRoutes: FastifyPluginAsyncZod<{ read: ShopReadService; platform: Platform }> = async (
  app,
  { read, platform },
) => {
  app.get(
    '/api/shop/categories',
    {
      config: shopCatalog,
      schema: {
        tags,
        summary: 'The category tree in one of the shop’s languages (locale, else Accept-Language, else sv)',
        querystring: shopCatalogLocaleQuery,
        response: { 200: shopCatalogCategoryTree },
      },
    },
    async (request, reply) => {
      const locale = shopLocale(platform.config, request.query.locale, request.ctx, request.headers['accept-language']);
      reply.header('cache-control', 'public, max-age=60');
      return { locale, categories: await read.categoryTree(platform.db, locale) };
    },
  );
  app.get(
    '/api/shop/products/:slug',
    {
      config: shopCatalog,
      schema: {
        tags,
        summary:
          'A published product: variants, prices in `currency` (default SEK) with the 30-day lowest price, ' +
          'availability, fitment, pictures; an old slug answers 301 to the current one',
        params: catalogSlugParams,
        querystring: shopCatalogProductQuery,
        response: { 200: shopCatalogProduct, 301: shopCatalogRedirect },
      },
    },
    async (request, reply) => {
      const locale = shopLocale(platform.config, request.query.locale, request.ctx, request.headers['accept-language']);
      const result = await read.productBySlug(platform.db, {
        slug: request.params.slug,
        locale,
        currency: request.query.currency,
      });
      if (!result) throw notFound('The product');
      if ('redirect' in result) {
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        const location = `/api/shop/products/${encodeURIComponent(result.redirect)}${query}`;
        return reply.code(301).header('location', location).send({ slug: result.redirect, location });
      }
      reply.header('cache-control', 'public, max-age=30');
      return result.found;
    },
  );
};
