import { Readable } from 'node:stream';
import { catalogImport, catalogImportList, catalogImportQuery, idParams } from '@kontor/contracts';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { EXPORT_TYPES } from '../../platform/files/spreadsheet.js';
import { AppError } from '../../platform/http/errors.js';
import type { Platform } from '../../platform/platform.js';
import { catalogAccess, tags } from './admin-routes.js';
import { catalogDb } from './catalog-context.js';
import { exportCatalog } from './catalog-export.js';
import type { CatalogImportService } from './catalog-import-service.js';

/** A 50,000-row catalog file is some 20 MB. */
const MAX_IMPORT_BYTES = 25 * 1024 * 1024;
const FILE_TYPES = ['text/csv', 'text/plain', 'application/octet-stream'];

/** Bulk CSV export and import of the catalog (catalog-csv.ts describes the columns). */
export const importRoutes: FastifyPluginAsyncZod<{ imports: CatalogImportService; platform: Platform }> = async (
  app,
  { imports, platform },
) => {
  app.get(
    '/api/commerce/catalog/export',
    {
      config: catalogAccess,
      schema: {
        tags,
        summary: 'The whole catalog as CSV, one row per variant (streamed), in the columns the import reads',
      },
    },
    async (_request, reply) =>
      reply
        .type(EXPORT_TYPES.csv)
        .header('content-disposition', 'attachment; filename="catalog.csv"')
        .send(Readable.from(exportCatalog(catalogDb(platform.db), platform.config.commerceLocales))),
  );
  app.get(
    '/api/commerce/catalog/imports',
    {
      config: catalogAccess,
      schema: { tags, summary: 'The latest imports, newest first', response: { 200: catalogImportList } },
    },
    async (request) => imports.recent(request.ctx),
  );
  app.get(
    '/api/commerce/catalog/imports/:id',
    {
      config: catalogAccess,
      schema: {
        tags,
        summary: 'An import: its preview, or its progress while it runs (poll it), or its result',
        params: idParams,
        response: { 200: catalogImport },
      },
    },
    async (request) => imports.get(request.ctx, request.params.id),
  );
  app.post(
    '/api/commerce/catalog/imports/:id/apply',
    {
      config: catalogAccess,
      schema: {
        tags,
        summary: 'Writes a previewed import in batches (202: poll it); rows with errors are skipped whole',
        params: idParams,
        response: { 202: catalogImport },
      },
    },
    async (request, reply) => reply.code(202).send(await imports.apply(request.ctx, request.params.id)),
  );

  await app.register(async (scope) => {
    const upload = scope.withTypeProvider<ZodTypeProvider>();
    upload.addContentTypeParser(
      FILE_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
      (_request, body, done) => done(null, body),
    );
    upload.post(
      '/api/commerce/catalog/imports',
      {
        config: catalogAccess,
        bodyLimit: MAX_IMPORT_BYTES,
        schema: {
          tags,
          summary: 'Uploads a catalog CSV (the body is the file) and previews it: errors per row and column, counts',
          querystring: catalogImportQuery,
          response: { 201: catalogImport },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body))
          throw new AppError(415, 'commerce.import_not_csv', `Send the file itself as ${FILE_TYPES.join(' or ')}`);
        return reply.code(201).send(await imports.preview(request.ctx, request.body, request.query.fileName));
      },
    );
  });
};
