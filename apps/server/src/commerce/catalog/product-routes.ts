import {
  catalogFitmentList,
  catalogMedia,
  catalogMediaList,
  catalogMediaOrder,
  catalogMediaPatch,
  catalogMediaUploadQuery,
  catalogProduct,
  catalogProductInput,
  catalogProductListQuery,
  catalogProductPage,
  catalogProductPatch,
  catalogVariantInput,
  catalogVariantPatch,
  idParams,
} from '@kontor/contracts';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { catalogAccess, productReaders, tags } from './admin-routes.js';
import { MAX_MEDIA_BYTES, MEDIA_TYPES, type MediaService } from './media-service.js';
import type { ProductService } from './product-service.js';

/** Products, variants, fitment and pictures: the admin API. */
export const productRoutes: FastifyPluginAsyncZod<{ products: ProductService; media: MediaService }> = async (
  app,
  { products, media },
) => {
  app.get(
    '/api/commerce/products',
    {
      config: productReaders,
      schema: {
        tags,
        summary: 'Products, latest change first, keyset-paged (cursor), filtered by text in slug, names or SKUs',
        querystring: catalogProductListQuery,
        response: { 200: catalogProductPage },
      },
    },
    async (request) => products.list(request.ctx, request.query),
  );
  app.post(
    '/api/commerce/products',
    {
      config: catalogAccess,
      schema: {
        tags,
        summary: 'Adds a product, optionally with its variants; texts in sv and en at least',
        body: catalogProductInput,
        response: { 201: catalogProduct },
      },
    },
    async (request, reply) => reply.code(201).send(await products.create(request.ctx, request.body)),
  );
  app.get(
    '/api/commerce/products/:id',
    {
      config: productReaders,
      schema: {
        tags,
        summary: 'A product with its variants, stock, fitment and pictures',
        params: idParams,
        response: { 200: catalogProduct },
      },
    },
    async (request) => products.get(request.ctx, request.params.id),
  );
  app.patch(
    '/api/commerce/products/:id',
    {
      config: catalogAccess,
      schema: {
        tags,
        summary: 'Changes a product; a new slug leaves the old one redirecting to it',
        params: idParams,
        body: catalogProductPatch,
        response: { 200: catalogProduct },
      },
    },
    async (request) => products.update(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/commerce/products/:id/variants',
    {
      config: catalogAccess,
      schema: {
        tags,
        summary: 'Adds a variant: a unique SKU, option values for the product’s axes',
        params: idParams,
        body: catalogVariantInput,
        response: { 201: catalogProduct },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await products.createVariant(request.ctx, request.params.id, request.body)),
  );
  app.patch(
    '/api/commerce/variants/:id',
    {
      config: catalogAccess,
      schema: {
        tags,
        summary: 'Changes a variant',
        params: idParams,
        body: catalogVariantPatch,
        response: { 200: catalogProduct },
      },
    },
    async (request) => products.updateVariant(request.ctx, request.params.id, request.body),
  );
  app.put(
    '/api/commerce/variants/:id/fitments',
    {
      config: catalogAccess,
      schema: {
        tags,
        summary: 'Replaces the engine or boat models (make, model, years) a variant fits',
        params: idParams,
        body: catalogFitmentList,
        response: { 200: catalogProduct },
      },
    },
    async (request) => products.setFitments(request.ctx, request.params.id, request.body.fitments),
  );

  app.get(
    '/api/commerce/products/:id/media',
    {
      config: catalogAccess,
      schema: { tags, summary: 'A product’s pictures in order', params: idParams, response: { 200: catalogMediaList } },
    },
    async (request) => media.listOf(request.ctx, request.params.id),
  );
  app.put(
    '/api/commerce/products/:id/media/order',
    {
      config: catalogAccess,
      schema: {
        tags,
        summary: 'Puts a product’s pictures in this order (every one of them, once)',
        params: idParams,
        body: catalogMediaOrder,
        response: { 200: catalogMediaList },
      },
    },
    async (request) => media.reorder(request.ctx, request.params.id, request.body.ids),
  );
  app.patch(
    '/api/commerce/media/:id',
    {
      config: catalogAccess,
      schema: {
        tags,
        summary: 'Changes a picture’s alt text',
        params: idParams,
        body: catalogMediaPatch,
        response: { 200: catalogMedia },
      },
    },
    async (request) => media.setAlt(request.ctx, request.params.id, request.body.alt),
  );
  app.delete(
    '/api/commerce/media/:id',
    {
      config: catalogAccess,
      schema: { tags, summary: 'Removes a picture', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await media.remove(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/commerce/media/:id',
    {
      config: catalogAccess,
      schema: { tags, summary: 'A picture itself, of a draft product too (for the admin’s preview)', params: idParams },
    },
    async (request, reply) => {
      const row = await media.content(request.ctx, request.params.id);
      return reply.type(row.content_type).header('cache-control', 'private, max-age=300').send(row.bytes);
    },
  );

  // The upload's body is the image itself, read up to the limit; its Content-Type must be what the bytes are.
  await app.register(async (scope) => {
    const upload = scope.withTypeProvider<ZodTypeProvider>();
    upload.addContentTypeParser(
      MEDIA_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_MEDIA_BYTES },
      (_request, body, done) => done(null, body),
    );
    upload.post(
      '/api/commerce/products/:id/media',
      {
        config: catalogAccess,
        bodyLimit: MAX_MEDIA_BYTES,
        schema: {
          tags,
          summary: `Adds a picture: the body is a PNG, JPEG, WebP or SVG image up to ${MAX_MEDIA_BYTES / 1024 / 1024} MB`,
          params: idParams,
          querystring: catalogMediaUploadQuery,
          response: { 201: catalogMedia },
        },
      },
      async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const alt = { sv: request.query.altSv, en: request.query.altEn };
        return reply
          .code(201)
          .send(await media.upload(request.ctx, request.params.id, request.headers['content-type'] ?? '', body, alt));
      },
    );
  });
};
