import {
  directoryBook,
  directoryEntry,
  directoryExportQuery,
  directorySearchQuery,
  directorySearchResult,
  favouriteInput,
  idParams,
  personDetail,
  unitDetail,
  unitSummary,
} from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EXPORT_TYPES } from '../platform/files/spreadsheet.js';
import type { DirectoryService } from './directory-service.js';

const tags = ['directory'];

/**
 * Reading the directory; every node answers from its own copy, so these work with the hub unreachable. On a client
 * node with `directoryPublicRead` the reading routes need no sign-in (`readableByAnyone`); favourites always do.
 */
export const directoryRoutes: FastifyPluginAsyncZod<{
  directory: DirectoryService;
  readableByAnyone: () => boolean;
}> = async (app, { directory, readableByAnyone }) => {
  const signedIn = { access: { permission: 'directory.read' } } as const;
  const read = {
    access: {
      permission: 'directory.read',
      publicWhen: {
        reason: 'a client node set to show its directory without sign-in (directoryPublicRead)',
        holds: readableByAnyone,
      },
    },
  } as const;
  app.get(
    '/api/directory/units',
    {
      config: read,
      schema: { tags, summary: 'Every unit, in Swedish order, for the tree', response: { 200: z.array(unitSummary) } },
    },
    async (request) => directory.units(request.ctx),
  );
  app.get(
    '/api/directory/units/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A unit with its contact points, functions, people, crisis instructions and bulletins',
        params: idParams,
        response: { 200: unitDetail },
      },
    },
    async (request) => directory.unit(request.ctx, request.params.id),
  );
  app.get(
    '/api/directory/people/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A person with their contact points and the functions they hold',
        params: idParams,
        response: { 200: personDetail },
      },
    },
    async (request) => directory.person(request.ctx, request.params.id),
  );
  app.get(
    '/api/directory/search',
    {
      config: read,
      schema: {
        tags,
        summary: 'People, units and functions matching a query: any case and accents, typos tolerated, numbers too',
        querystring: directorySearchQuery,
        response: { 200: directorySearchResult },
      },
    },
    async (request) => directory.search(request.ctx, request.query.q, request.query.limit),
  );
  app.get(
    '/api/directory/book',
    {
      config: read,
      schema: { tags, summary: 'The whole directory, for printing and export', response: { 200: directoryBook } },
    },
    async (request) => directory.book(request.ctx),
  );
  app.get(
    '/api/directory/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'The whole directory as a CSV or Excel file, a row per contact point',
        querystring: directoryExportQuery,
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const date = new Date().toISOString().slice(0, 10);
      return reply
        .type(EXPORT_TYPES[format])
        .header('content-disposition', `attachment; filename="directory-${date}.${format}"`)
        .send(await directory.export(request.ctx, format));
    },
  );

  app.get(
    '/api/directory/favourites',
    {
      config: signedIn,
      schema: { tags, summary: "The caller's favourites", response: { 200: z.array(directoryEntry) } },
    },
    async (request) => directory.favourites(request.ctx),
  );
  app.post(
    '/api/directory/favourites',
    {
      config: signedIn,
      schema: { tags, summary: 'Adds a favourite', body: favouriteInput, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await directory.addFavourite(request.ctx, request.body.kind, request.body.id);
      return reply.code(204).send(null);
    },
  );
  app.delete(
    '/api/directory/favourites/:id',
    {
      config: signedIn,
      schema: { tags, summary: 'Removes a favourite', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await directory.removeFavourite(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
