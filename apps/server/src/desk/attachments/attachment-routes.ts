import {
  attachmentParams,
  attachmentUploadQuery,
  idParams,
  incidentAttachment,
  incidentAttachmentList,
} from '@kontor/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AGENT, REQUEST } from '../incident-service.js';
import { attachmentEmpty } from './attachment-errors.js';
import { contentDisposition } from './attachment-names.js';
import type { AttachmentService } from './attachment-service.js';
import { readUploadBody } from './upload-body.js';

const tags = ['desk'];
/** Agents and requesters; the service narrows a requester to their own incidents. */
const agentsOrRequesters = { access: { permission: [AGENT, REQUEST] } };

const fileOf = (request: FastifyRequest): Buffer => {
  if (!Buffer.isBuffer(request.body)) throw attachmentEmpty();
  return request.body;
};

export const attachmentRoutes: FastifyPluginAsyncZod<{ attachments: AttachmentService }> = async (
  app,
  { attachments },
) => {
  // Here the body is the file, whatever its type (a JSON file is a file too), read up to the limit.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', readUploadBody(attachments.maxBytes));

  app.post(
    '/api/desk/incidents/:id/attachments',
    {
      config: agentsOrRequesters,
      schema: {
        tags,
        summary: 'Adds a file to an incident: the body is the file, its type the Content-Type (413 over the limit)',
        params: idParams,
        querystring: attachmentUploadQuery,
        response: { 201: incidentAttachment },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await attachments.upload(request.ctx, request.params.id, {
          filename: request.query.filename,
          contentType: request.headers['content-type'] ?? '',
          data: fileOf(request),
        }),
      ),
  );
  app.get(
    '/api/desk/incidents/:id/attachments',
    {
      config: agentsOrRequesters,
      schema: {
        tags,
        summary: 'The files of an incident',
        params: idParams,
        response: { 200: incidentAttachmentList },
      },
    },
    async (request) => ({
      attachments: await attachments.list(request.ctx, request.params.id),
      maxBytes: attachments.maxBytes,
    }),
  );
  app.get(
    '/api/desk/incidents/:id/attachments/:attachmentId',
    {
      config: agentsOrRequesters,
      schema: { tags, summary: 'Downloads a file of an incident', params: attachmentParams },
    },
    async (request, reply) => {
      const { attachment, content } = await attachments.download(
        request.ctx,
        request.params.id,
        request.params.attachmentId,
      );
      // Always a download, never rendered in the app's origin: an uploaded HTML page cannot run as Kontor.
      return reply
        .type(attachment.contentType)
        .header('content-disposition', contentDisposition(attachment.filename))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(content);
    },
  );
};
