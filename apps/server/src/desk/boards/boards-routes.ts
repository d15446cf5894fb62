import { board, boardInput, boardList, boardPatch, boardView, idParams } from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AGENT } from '../incident-service.js';
import type { BoardService } from './boards-service.js';

const tags = ['desk'];
/** Boards are an agent's own; moving a card is `POST /api/desk/incidents/:id/status`. */
const agents = { access: { permission: AGENT } } as const;

export const boardRoutes: FastifyPluginAsyncZod<{ boards: BoardService }> = async (app, { boards }) => {
  app.get(
    '/api/desk/boards',
    {
      config: agents,
      schema: {
        tags,
        summary: 'My boards, the default one first (created on the first visit)',
        response: { 200: boardList },
      },
    },
    async (request) => ({ boards: await boards.list(request.ctx) }),
  );
  app.post(
    '/api/desk/boards',
    {
      config: agents,
      schema: { tags, summary: 'Creates a board of mine', body: boardInput, response: { 201: board } },
    },
    async (request, reply) => reply.code(201).send(await boards.create(request.ctx, request.body)),
  );
  app.get(
    '/api/desk/boards/:id',
    {
      config: agents,
      schema: {
        tags,
        summary: 'A board of mine with each column’s most urgent cards, its count and whether it is over its limit',
        params: idParams,
        response: { 200: boardView },
      },
    },
    async (request) => boards.view(request.ctx, request.params.id),
  );
  app.patch(
    '/api/desk/boards/:id',
    {
      config: agents,
      schema: {
        tags,
        summary: 'Renames a board, changes its base filter or replaces its columns (in their new order)',
        params: idParams,
        body: boardPatch,
        response: { 200: board },
      },
    },
    async (request) => boards.update(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/desk/boards/:id',
    {
      config: agents,
      schema: {
        tags,
        summary: 'Deletes a board (409 desk.default_board for the default one)',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await boards.remove(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
