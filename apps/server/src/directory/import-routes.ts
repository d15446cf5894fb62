import { idParams, importApplyQuery, importPreview, importQuery, importResult, importSummary } from '@kontor/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../platform/http/errors.js';
import type { DirectoryImportService } from './import-service.js';

const write = { access: { permission: 'directory.write' } } as const;
const tags = ['directory'];
/** The largest file an import reads; the 5,000-row file of the issue is well under 1 MB. */
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const FILE_TYPES = [
  'text/csv',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

/** The file is the request's body as it is (the browser sends it with upload progress); the query says how to read it. */
const fileOf = (request: FastifyRequest): Buffer => {
  if (!Buffer.isBuffer(request.body)) {
    throw new AppError(415, 'directory.import_not_table', `Send the file itself as ${FILE_TYPES.join(' or ')}`);
  }
  return request.body;
};

export const directoryImportRoutes: FastifyPluginAsyncZod<{ imports: DirectoryImportService }> = async (
  app,
  { imports },
) => {
  app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_request, body, done) =>
    done(null, body),
  );
  app.post(
    '/api/directory/imports/preview',
    {
      config: write,
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags,
        summary:
          'Reads a CSV or Excel file: its columns, a mapping to directory fields, its first rows, errors per row',
        querystring: importQuery,
        response: { 200: importPreview },
      },
    },
    async (request) => imports.preview(request.ctx, fileOf(request), request.query),
  );
  app.post(
    '/api/directory/imports',
    {
      config: write,
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags,
        summary: 'Imports the rows of a CSV or Excel file without errors, as one change set that can be undone',
        querystring: importApplyQuery,
        response: { 201: importResult },
      },
    },
    async (request, reply) => reply.code(201).send(await imports.apply(request.ctx, fileOf(request), request.query)),
  );
  app.get(
    '/api/directory/imports',
    {
      config: write,
      schema: { tags, summary: 'The latest imports, newest first', response: { 200: z.array(importSummary) } },
    },
    async (request) => imports.recent(request.ctx, 20),
  );
  app.post(
    '/api/directory/imports/:id/undo',
    {
      config: write,
      schema: {
        tags,
        summary: 'Takes back what an import created and changed, unless any of it changed since',
        params: idParams,
        response: { 200: importSummary },
      },
    },
    async (request) => imports.undo(request.ctx, request.params.id),
  );
};
