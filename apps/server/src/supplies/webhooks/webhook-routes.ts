import {
  idParams,
  webhook,
  webhookCreate,
  webhookCreated,
  webhookDelivery,
  webhookDeliveryPage,
  webhookDeliveryQuery,
  webhookUpdate,
} from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { WebhookService } from './webhook-service.js';

const managing = { access: { permission: 'supplies.manage' } } as const;
const tags = ['supplies'];

/** The hub's administrators keep the supplier feed's webhooks and look after their deliveries. */
export const webhookRoutes: FastifyPluginAsyncZod<{ webhooks: WebhookService }> = async (app, { webhooks }) => {
  app.get(
    '/api/supplies/webhooks',
    {
      config: managing,
      schema: { tags, summary: 'The webhooks of the supplier feed', response: { 200: z.array(webhook) } },
    },
    async (request) => webhooks.list(request.ctx),
  );
  app.post(
    '/api/supplies/webhooks',
    {
      config: managing,
      schema: {
        tags,
        summary: 'Adds a webhook; its signing secret is in this answer only',
        body: webhookCreate,
        response: { 201: webhookCreated },
      },
    },
    async (request, reply) => reply.code(201).send(await webhooks.create(request.ctx, request.body)),
  );
  app.get(
    '/api/supplies/webhooks/deliveries',
    {
      config: managing,
      schema: {
        tags,
        summary: 'Webhook deliveries, newest first; status=dead is the dead-letter queue',
        querystring: webhookDeliveryQuery,
        response: { 200: webhookDeliveryPage },
      },
    },
    async (request) => webhooks.deliveries(request.ctx, request.query),
  );
  app.post(
    '/api/supplies/webhooks/deliveries/:id/retry',
    {
      config: managing,
      schema: {
        tags,
        summary: 'Sends a dead delivery again, with a fresh count of attempts',
        params: idParams,
        response: { 200: webhookDelivery },
      },
    },
    async (request) => webhooks.retry(request.ctx, request.params.id),
  );
  app.get(
    '/api/supplies/webhooks/:id',
    {
      config: managing,
      schema: { tags, summary: 'One webhook', params: idParams, response: { 200: webhook } },
    },
    async (request) => webhooks.get(request.ctx, request.params.id),
  );
  app.patch(
    '/api/supplies/webhooks/:id',
    {
      config: managing,
      schema: {
        tags,
        summary: 'Changes a webhook: its URL, description, kinds, or whether it is active',
        params: idParams,
        body: webhookUpdate,
        response: { 200: webhook },
      },
    },
    async (request) => webhooks.update(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/supplies/webhooks/:id',
    {
      config: managing,
      schema: {
        tags,
        summary: 'Removes a webhook and its deliveries',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await webhooks.remove(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/supplies/webhooks/:id/test',
    {
      config: managing,
      schema: {
        tags,
        summary: 'Sends the webhook a ping; its outcome shows in the deliveries',
        params: idParams,
        response: { 202: webhookDelivery },
      },
    },
    async (request, reply) => reply.code(202).send(await webhooks.test(request.ctx, request.params.id)),
  );
};
