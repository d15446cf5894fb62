import {
  calendar,
  calendarInput,
  calendarList,
  idParams,
  slaPolicy,
  slaPolicyInput,
  slaPolicyList,
  slaPriorityParams,
} from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SlaService } from './sla-service.js';

const tags = ['desk'];
const admins = { access: { permission: 'desk.admin' } } as const;

/** Business-hours calendars and SLA policies, kept by desk administrators (docs/desk-sla.md). */
export const slaRoutes: FastifyPluginAsyncZod<{ sla: SlaService }> = async (app, { sla }) => {
  app.get(
    '/api/desk/sla/calendars',
    { config: admins, schema: { tags, summary: 'Business-hours calendars', response: { 200: calendarList } } },
    async () => sla.calendars(),
  );
  app.post(
    '/api/desk/sla/calendars',
    {
      config: admins,
      schema: { tags, summary: 'Adds a business-hours calendar', body: calendarInput, response: { 201: calendar } },
    },
    async (request, reply) => reply.code(201).send(await sla.createCalendar(request.ctx, request.body)),
  );
  app.put(
    '/api/desk/sla/calendars/:id',
    {
      config: admins,
      schema: {
        tags,
        summary: 'Replaces a calendar’s zone, hours and holidays (due times already set stay)',
        params: idParams,
        body: calendarInput,
        response: { 200: calendar },
      },
    },
    async (request) => sla.updateCalendar(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/desk/sla/policies',
    { config: admins, schema: { tags, summary: 'SLA targets per priority', response: { 200: slaPolicyList } } },
    async () => sla.policies(),
  );
  app.put(
    '/api/desk/sla/policies/:priority',
    {
      config: admins,
      schema: {
        tags,
        summary: 'Sets the first-response and resolution targets of a priority, in business minutes',
        params: slaPriorityParams,
        body: slaPolicyInput,
        response: { 200: slaPolicy },
      },
    },
    async (request) => sla.setPolicy(request.ctx, request.params.priority, request.body),
  );
  app.delete(
    '/api/desk/sla/policies/:priority',
    {
      config: admins,
      schema: { tags, summary: 'Removes the targets of a priority', params: slaPriorityParams },
    },
    async (request, reply) => {
      await sla.deletePolicy(request.ctx, request.params.priority);
      return reply.code(204).send();
    },
  );
};
