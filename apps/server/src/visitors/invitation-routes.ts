import { idParams, invitation, invitationInput, invitationList } from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { InvitationService } from './invitation-service.js';
import { RECEPTION, tags } from './routes.js';

/** Staff invite their own guests; reception sees and withdraws any invitation. */
const inviting = { access: { permission: ['visitors.invite', RECEPTION] } };

export const invitationRoutes: FastifyPluginAsyncZod<{ invitations: InvitationService }> = async (
  app,
  { invitations },
) => {
  app.post(
    '/api/visitors/invitations',
    {
      config: inviting,
      schema: {
        tags,
        summary: 'Invites a guest for a day: a kiosk link and its QR code (shown this once), e-mailed when asked',
        body: invitationInput,
        response: { 201: invitation },
      },
    },
    async (request, reply) => {
      const origin = `${request.protocol}://${request.host}`;
      return reply.code(201).send(await invitations.create(request.ctx, request.body, origin));
    },
  );
  app.get(
    '/api/visitors/invitations',
    {
      config: inviting,
      schema: { tags, summary: "The caller's invitations (reception: everyone's)", response: { 200: invitationList } },
    },
    async (request) => invitations.list(request.ctx),
  );
  app.delete(
    '/api/visitors/invitations/:id',
    {
      config: inviting,
      schema: { tags, summary: 'Withdraws an invitation', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await invitations.remove(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
