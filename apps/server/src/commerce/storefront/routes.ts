import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasPermission } from '../../platform/context.js';
import type { Platform } from '../../platform/platform.js';
import type { ShopReadService } from '../catalog/shop-read-service.js';
import type { loadAssets } from './assets.js';
import { renderCategoryPage } from './category-page.js';
import { renderHomePage } from './home-page.js';
import type { Layout } from './layout.js';
import type { ListingPageService } from './listing-page-service.js';
import { listingParams, parseListingQuery, typedPriceRange } from './listing-query.js';
import { renderNotFoundPage } from './not-found-page.js';
import { acceptsGzip, sendHtml, sendMoved } from './page-response.js';
import { renderProductPage } from './product-page.js';
import type { ProductPageService } from './product-page-service.js';
import { renderSearchPage } from './search-page.js';
import { first, type Query, type ShopRequest, shopHref, shopRequest } from './shop-request.js';
import type { CartCount } from './storefront-part.js';

const pages = {
  access: {
    public: 'the shop’s pages are for every visitor and for search engines; they show only published products',
  },
} as const;
const hidden = { hide: true };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const YEAR_SECONDS = 31_536_000;

export interface StorefrontRouteOptions {
  platform: Platform;
  /** The catalog's reads: the currencies, pictures and the sitemap's pages. */
  read: ShopReadService;
  products: ProductPageService;
  listings: ListingPageService;
  assets: ReturnType<typeof loadAssets>;
  cartCount: CartCount;
}

/** The shop's crawlable pages, their images and their static files (all public, GET only). */
export async function storefrontRoutes(app: FastifyInstance, options: StorefrontRouteOptions) {
  const { platform, read, products, listings, assets } = options;
  const layout: Layout = { asset: assets.href };

  const shopFor = async (request: FastifyRequest, reply: FastifyReply): Promise<ShopRequest> => {
    const [currencies, cartCount] = await Promise.all([
      read.currencies(platform.db),
      // A page shows without its count rather than not at all; the script asks the cart API for it then.
      options.cartCount(request).catch((error: unknown) => {
        request.log.warn({ err: error }, 'the cart count of a shop page could not be read');
        return null;
      }),
    ]);
    return shopRequest(request, reply, {
      locales: platform.config.commerceLocales,
      publicUrl: platform.config.publicUrl,
      currencies,
      cartCount,
    });
  };
  const notFound = (request: FastifyRequest, reply: FastifyReply, shop: ShopRequest) =>
    sendHtml(request, reply, 404, renderNotFoundPage(shop, layout));

  /**
   * The filter form's typed price range (whole kronor, `pmin`/`pmax`) becomes a facet.price link, so every filtered
   * view has one URL. Answers true when it redirected.
   */
  const typedRange = (request: FastifyRequest, reply: FastifyReply, shop: ShopRequest, path: string) => {
    const query = request.query as Query;
    if (!('pmin' in query) && !('pmax' in query)) return false;
    const listing = parseListingQuery(query);
    const range = typedPriceRange(first(query.pmin), first(query.pmax), shop.exponent);
    const facets = Object.fromEntries(Object.entries(listing.facets).filter(([key]) => key !== 'facet.price'));
    if (range) facets['facet.price'] = [range];
    const params = listingParams({ ...listing, facets });
    const locale = shop.langInUrl ?? shop.defaultLocale;
    reply.redirect(shopHref({ locale, defaultLocale: shop.defaultLocale }, path, params), 303);
    return true;
  };

  app.get('/shop', { config: pages, schema: hidden }, async (request, reply) => {
    const shop = await shopFor(request, reply);
    const home = await listings.home(request.ctx, shop);
    return sendHtml(request, reply, 200, renderHomePage(shop, layout, home));
  });

  app.get<{ Params: { slug: string } }>('/shop/c/:slug', { config: pages, schema: hidden }, async (request, reply) => {
    const shop = await shopFor(request, reply);
    const slug = request.params.slug;
    if (!SLUG.test(slug)) return notFound(request, reply, shop);
    if (typedRange(request, reply, shop, `/shop/c/${slug}`)) return reply;
    const listing = parseListingQuery(request.query as Query);
    const found = await listings.category(request.ctx, shop, slug, listing);
    if (found.kind === 'moved') return sendMoved(request, reply, `/shop/c/${found.slug}`);
    if (found.kind === 'missing') return notFound(request, reply, shop);
    return sendHtml(request, reply, 200, renderCategoryPage(shop, layout, found.category, found.listing, found.answer));
  });

  app.get('/shop/search', { config: pages, schema: hidden }, async (request, reply) => {
    const shop = await shopFor(request, reply);
    if (typedRange(request, reply, shop, '/shop/search')) return reply;
    const listing = parseListingQuery(request.query as Query);
    const found = await listings.search(request.ctx, shop, listing);
    return sendHtml(request, reply, 200, renderSearchPage(shop, layout, found.listing, found));
  });

  app.get<{ Params: { slug: string }; Querystring: Record<string, string | string[]> }>(
    '/shop/p/:slug',
    { config: pages, schema: hidden },
    async (request, reply) => {
      const shop = await shopFor(request, reply);
      const slug = request.params.slug;
      if (!SLUG.test(slug)) return notFound(request, reply, shop);
      const found = await products.product(request.ctx, shop, slug, first(request.query.sku));
      if (found.kind === 'moved') return sendMoved(request, reply, `/shop/p/${found.slug}`);
      if (found.kind === 'missing') return notFound(request, reply, shop);
      return sendHtml(request, reply, 200, renderProductPage(shop, layout, found.product));
    },
  );

  app.get<{ Params: { id: string } }>('/shop/media/:id', { config: pages, schema: hidden }, async (request, reply) => {
    const id = request.params.id.toLowerCase();
    const media = UUID.test(id) ? await read.picture(platform.db, id) : undefined;
    // A draft's pictures are for the people who keep the catalog, not for the public or a shared cache.
    const visible = media && (media.published || hasPermission(request.ctx.actor, 'commerce.catalog'));
    if (!media || !visible) {
      return reply.code(404).header('content-type', 'text/plain; charset=utf-8').send('Not found');
    }
    const etag = `"${id}"`;
    reply
      .header('content-type', media.contentType)
      .header('x-content-type-options', 'nosniff')
      .header('etag', etag)
      // An uploaded SVG is a document a browser could open on its own: it may never run a script or load anything.
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .header('cache-control', media.published ? `public, max-age=${YEAR_SECONDS}, immutable` : 'private, no-cache');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    const bytes = media.bytes;
    return reply.send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });

  app.get<{ Params: { name: string } }>(
    '/shop/assets/:name',
    { config: pages, schema: hidden },
    async (request, reply) => {
      const asset = assets.byName.get(request.params.name);
      if (!asset) return reply.code(404).header('content-type', 'text/plain; charset=utf-8').send('Not found');
      reply
        .header('content-type', asset.contentType)
        .header('cache-control', `public, max-age=${YEAR_SECONDS}, immutable`)
        .header('x-content-type-options', 'nosniff')
        .header('vary', 'Accept-Encoding');
      if (acceptsGzip(request)) return reply.header('content-encoding', 'gzip').send(asset.gzipped);
      return reply.send(asset.body);
    },
  );

  app.get(
    '/robots.txt',
    { config: { access: { public: 'tells crawlers what of the shop to index' } }, schema: hidden },
    async (request, reply) => {
      const origin = (platform.config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
      // The shop's pages are for search engines; the rest of Kontor (sign-in, the web app, the API) is not.
      const body = [
        'User-agent: *',
        'Allow: /shop',
        'Disallow: /shop/search',
        'Disallow: /shop/cart',
        'Disallow: /shop/checkout',
        'Disallow: /shop/account',
        'Disallow: /shop/order',
        'Disallow: /',
        `Sitemap: ${origin}/shop/sitemap.xml`,
        '',
      ].join('\n');
      return reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(body);
    },
  );

  app.get('/shop/sitemap.xml', { config: pages, schema: hidden }, async (request, reply) => {
    const origin = (platform.config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
    const sitemap = await read.sitemap(platform.db, 45_000);
    const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const entry = (path: string, modified?: Date) =>
      `<url><loc>${xmlText(origin + path)}</loc>${modified ? `<lastmod>${modified.toISOString()}</lastmod>` : ''}</url>`;
    const body = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      entry('/shop'),
      ...sitemap.categories.map((slug) => entry(`/shop/c/${slug}`)),
      ...sitemap.products.map((product) => entry(`/shop/p/${product.slug}`, product.updatedAt)),
      '</urlset>',
      '',
    ].join('\n');
    return reply
      .header('content-type', 'application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(body);
  });
}
