import {
  deskAgents,
  deskGroupMembers,
  deskGroupMembersInput,
  deskList,
  deskListEntry,
  deskListInput,
  deskListPatch,
  idParams,
  incidentCommentInput,
  incidentDetail,
  incidentInput,
  incidentPage,
  incidentPatch,
  incidentQuery,
  incidentStatusChange,
  incidentSuggestions,
  incidentSuggestQuery,
} from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AGENT, type IncidentService, REQUEST } from './incident-service.js';
import type { DeskListsService } from './lists-service.js';
import type { ListTable } from './tables.js';

const tags = ['desk'];
const ADMIN = 'desk.admin';
const agents = { access: { permission: AGENT } } as const;
/** Agents and requesters; the service narrows a requester to their own incidents and public replies. */
const agentsOrRequesters = { access: { permission: [AGENT, REQUEST] } };

export type Suggester = (
  input: string,
  cursor: number,
) => Array<{ text: string; from: number; to: number; description?: string }>;

export const incidentRoutes: FastifyPluginAsyncZod<{ incidents: IncidentService; suggest: Suggester }> = async (
  app,
  { incidents, suggest },
) => {
  app.post(
    '/api/desk/incidents',
    {
      config: agentsOrRequesters,
      schema: {
        tags,
        summary: 'Reports an incident; a requester is always its requester, an agent may name someone else',
        body: incidentInput,
        response: { 201: incidentDetail },
      },
    },
    async (request, reply) => reply.code(201).send(await incidents.create(request.ctx, request.body)),
  );
  app.get(
    '/api/desk/incidents',
    {
      config: agentsOrRequesters,
      schema: {
        tags,
        summary: 'Incidents (agents: all; requesters: their own), filtered by q (docs/query-language.md)',
        querystring: incidentQuery,
        response: { 200: incidentPage },
      },
    },
    async (request) => incidents.list(request.ctx, request.query),
  );
  app.get(
    '/api/desk/incidents/suggest',
    {
      config: agents,
      schema: {
        tags,
        summary: 'Completions for the filter box at the cursor',
        querystring: incidentSuggestQuery,
        response: { 200: incidentSuggestions },
      },
    },
    async (request) => {
      const q = request.query.q;
      return { suggestions: suggest(q, Math.min(request.query.cursor ?? q.length, q.length)) };
    },
  );
  app.get(
    '/api/desk/incidents/:id',
    {
      config: agentsOrRequesters,
      schema: { tags, summary: 'An incident with its timeline', params: idParams, response: { 200: incidentDetail } },
    },
    async (request) => incidents.get(request.ctx, request.params.id),
  );
  app.patch(
    '/api/desk/incidents/:id',
    {
      config: agents,
      schema: {
        tags,
        summary: 'Changes fields of an incident; each change is a line of the timeline and audited',
        params: idParams,
        body: incidentPatch,
        response: { 200: incidentDetail },
      },
    },
    async (request) => incidents.update(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/desk/incidents/:id/status',
    {
      config: agents,
      schema: {
        tags,
        summary: 'Moves an incident to another status (409 desk.bad_transition when the table forbids it)',
        params: idParams,
        body: incidentStatusChange,
        response: { 200: incidentDetail },
      },
    },
    async (request) => incidents.changeStatus(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/desk/incidents/:id/comments',
    {
      config: agentsOrRequesters,
      schema: {
        tags,
        summary: 'A public reply or (agents) an internal note',
        params: idParams,
        body: incidentCommentInput,
        response: { 201: incidentDetail },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await incidents.comment(request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/api/desk/agents',
    {
      // Desk administrators choose among them the members of a group.
      config: { access: { permission: [AGENT, ADMIN] } },
      schema: { tags, summary: 'Who incidents can be assigned to', response: { 200: deskAgents } },
    },
    async () => ({ agents: await incidents.agents() }),
  );
};

export const listRoutes: FastifyPluginAsyncZod<{ lists: DeskListsService }> = async (app, { lists }) => {
  const paths: Array<[string, ListTable, string[]]> = [
    // Requesters pick a category when they report a problem.
    ['categories', 'desk.categories', [AGENT, REQUEST, ADMIN]],
    ['groups', 'desk.groups', [AGENT, ADMIN]],
  ];
  for (const [path, table, readers] of paths) {
    app.get(
      `/api/desk/${path}`,
      {
        config: { access: { permission: readers } },
        schema: { tags, summary: `The ${path}, with those out of use`, response: { 200: deskList } },
      },
      async (request) => lists.list(request.ctx, table),
    );
    app.post(
      `/api/desk/${path}`,
      {
        config: { access: { permission: ADMIN } },
        schema: { tags, summary: `Adds to the ${path}`, body: deskListInput, response: { 201: deskListEntry } },
      },
      async (request, reply) => reply.code(201).send(await lists.create(request.ctx, table, request.body)),
    );
    app.patch(
      `/api/desk/${path}/:id`,
      {
        config: { access: { permission: ADMIN } },
        schema: {
          tags,
          summary: `Renames or retires one of the ${path}`,
          params: idParams,
          body: deskListPatch,
          response: { 200: deskListEntry },
        },
      },
      async (request) => lists.update(request.ctx, table, request.params.id, request.body),
    );
  }
  app.get(
    '/api/desk/groups/:id/members',
    {
      config: { access: { permission: [AGENT, ADMIN] } },
      schema: {
        tags,
        summary: 'The agents who work in a group',
        params: idParams,
        response: { 200: deskGroupMembers },
      },
    },
    async (request) => lists.members(request.ctx, request.params.id),
  );
  app.put(
    '/api/desk/groups/:id/members',
    {
      config: { access: { permission: ADMIN } },
      schema: {
        tags,
        summary: 'Replaces the members of a group (agents only; 422 desk.not_an_agent names anyone else)',
        params: idParams,
        body: deskGroupMembersInput,
        response: { 200: deskGroupMembers },
      },
    },
    async (request) => lists.setMembers(request.ctx, request.params.id, request.body.userIds),
  );
};
