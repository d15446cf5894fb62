import {
  idParams,
  problemCloseInput,
  problemDetail,
  problemInput,
  problemLinkInput,
  problemList,
  problemQuery,
  problemRule,
  problemRuleInput,
  problemRuleList,
  problemRulePatch,
  problemUnlinkParams,
} from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AGENT } from '../incident-service.js';
import type { ProblemRules } from './problem-rules.js';
import type { ProblemService } from './problem-service.js';

const tags = ['desk'];
const agents = { access: { permission: AGENT } } as const;
const admins = { access: { permission: 'desk.admin' } } as const;
const problemPath = '/api/desk/problems/:id';

/** Problems (docs/desk-problems.md): agents work them, desk administrators keep the rules that open them. */
export const problemRoutes: FastifyPluginAsyncZod<{ problems: ProblemService; rules: ProblemRules }> = async (
  app,
  { problems, rules },
) => {
  app.get(
    '/api/desk/problems',
    {
      config: agents,
      schema: { tags, summary: 'Problems, newest first', querystring: problemQuery, response: { 200: problemList } },
    },
    async (request) => problems.list(request.ctx, request.query),
  );
  app.post(
    '/api/desk/problems',
    {
      config: agents,
      schema: {
        tags,
        summary: 'Opens a problem from chosen incidents (each in no other open problem)',
        body: problemInput,
        response: { 201: problemDetail },
      },
    },
    async (request, reply) => reply.code(201).send(await problems.create(request.ctx, request.body)),
  );
  app.get(
    problemPath,
    {
      config: agents,
      schema: {
        tags,
        summary: 'A problem with its incidents, history and export state',
        params: idParams,
        response: { 200: problemDetail },
      },
    },
    async (request) => problems.get(request.ctx, request.params.id),
  );
  app.post(
    `${problemPath}/incidents`,
    {
      config: agents,
      schema: {
        tags,
        summary: 'Links more incidents to an open problem',
        params: idParams,
        body: problemLinkInput,
        response: { 200: problemDetail },
      },
    },
    async (request) => problems.link(request.ctx, request.params.id, request.body.incidentIds),
  );
  app.delete(
    `${problemPath}/incidents/:incidentId`,
    {
      config: agents,
      schema: {
        tags,
        summary: 'Unlinks an incident from an open problem',
        params: problemUnlinkParams,
        response: { 200: problemDetail },
      },
    },
    async (request) => problems.unlink(request.ctx, request.params.id, request.params.incidentId),
  );
  app.post(
    `${problemPath}/close`,
    {
      config: agents,
      schema: {
        tags,
        summary: 'Closes the problem and resolves its open incidents with the resolution; again: changes nothing',
        params: idParams,
        body: problemCloseInput,
        response: { 200: problemDetail },
      },
    },
    async (request) => problems.close(request.ctx, request.params.id, request.body),
  );
  app.post(
    `${problemPath}/export`,
    {
      config: agents,
      schema: {
        tags,
        summary: 'Sends the problem to the task manager as a signed desk.problem.exported event, after commit',
        params: idParams,
        response: { 202: problemDetail },
      },
    },
    async (request, reply) => reply.code(202).send(await problems.export(request.ctx, request.params.id)),
  );
  app.get(
    '/api/desk/problems/rules',
    {
      config: { access: { permission: ['desk.admin', AGENT] } },
      schema: { tags, summary: 'The rules that open problems', response: { 200: problemRuleList } },
    },
    async () => rules.list(),
  );
  app.post(
    '/api/desk/problems/rules',
    {
      config: admins,
      schema: { tags, summary: 'Adds a rule', body: problemRuleInput, response: { 201: problemRule } },
    },
    async (request, reply) => reply.code(201).send(await rules.create(request.ctx, request.body)),
  );
  app.patch(
    '/api/desk/problems/rules/:id',
    {
      config: admins,
      schema: {
        tags,
        summary: 'Changes, pauses or resumes a rule',
        params: idParams,
        body: problemRulePatch,
        response: { 200: problemRule },
      },
    },
    async (request) => rules.update(request.ctx, request.params.id, request.body),
  );
};
