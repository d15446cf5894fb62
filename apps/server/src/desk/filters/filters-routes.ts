import { idParams, savedFilter, savedFilterInput, savedFilterList, savedFilterPatch } from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AGENT } from '../incident-service.js';
import { DESK_ADMIN, type SavedFilterService } from './filters-service.js';

const tags = ['desk'];
/** Agents filter incidents; a desk administrator may also keep (and tidy up) shared filters. */
const filterUsers = { access: { permission: [AGENT, DESK_ADMIN] } };

export const filterRoutes: FastifyPluginAsyncZod<{ filters: SavedFilterService }> = async (app, { filters }) => {
  app.get(
    '/api/desk/filters',
    {
      config: filterUsers,
      schema: {
        tags,
        summary: 'My saved filters and those shared with my groups, pinned first',
        response: { 200: savedFilterList },
      },
    },
    async (request) => ({ filters: await filters.list(request.ctx) }),
  );
  app.post(
    '/api/desk/filters',
    {
      config: filterUsers,
      schema: {
        tags,
        summary: 'Saves a filter (400 desk.query_syntax with the position when the query does not read)',
        body: savedFilterInput,
        response: { 201: savedFilter },
      },
    },
    async (request, reply) => reply.code(201).send(await filters.create(request.ctx, request.body)),
  );
  app.get(
    '/api/desk/filters/:id',
    {
      config: filterUsers,
      schema: { tags, summary: 'A saved filter one can see', params: idParams, response: { 200: savedFilter } },
    },
    async (request) => filters.get(request.ctx, request.params.id),
  );
  app.patch(
    '/api/desk/filters/:id',
    {
      config: filterUsers,
      schema: {
        tags,
        summary: 'Renames, changes, shares, pins or reorders a filter (its owner or a desk administrator)',
        params: idParams,
        body: savedFilterPatch,
        response: { 200: savedFilter },
      },
    },
    async (request) => filters.update(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/desk/filters/:id',
    {
      config: filterUsers,
      schema: {
        tags,
        summary: 'Deletes a filter (its owner or a desk administrator)',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await filters.remove(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
