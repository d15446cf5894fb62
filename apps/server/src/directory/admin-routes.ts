import {
  contactInput,
  functionInput,
  idParams,
  noticeInput,
  personInput,
  savedRecord,
  unitInput,
} from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DirectoryAdminService } from './admin-service.js';
import {
  type Editable,
  editableContact,
  editableFunction,
  editableNotice,
  editablePerson,
  editableUnit,
} from './editable.js';

const write = { access: { permission: 'directory.write' } } as const;
const tags = ['directory'];

/** Create, change and delete for each kind of record; the hub's administrators keep the directory. */
export const directoryAdminRoutes: FastifyPluginAsyncZod<{ admin: DirectoryAdminService }> = async (app, { admin }) => {
  // biome-ignore lint/suspicious/noExplicitAny: each pair's schema parses into its editable's input type
  const register = <S extends z.ZodType<any>>(editable: Editable<z.output<S>>, body: S) => {
    const path = `/api/directory/${editable.plural}`;
    app.post(
      path,
      {
        config: write,
        schema: { tags, summary: `Creates a ${editable.entity}`, body, response: { 201: savedRecord } },
      },
      async (request, reply) =>
        reply.code(201).send(await admin.create(request.ctx, editable, request.body as z.output<S>)),
    );
    app.put(
      `${path}/:id`,
      {
        config: write,
        schema: {
          tags,
          summary: `Changes a ${editable.entity}`,
          params: idParams,
          body,
          response: { 200: savedRecord },
        },
      },
      async (request) => admin.update(request.ctx, editable, request.params.id, request.body as z.output<S>),
    );
    app.delete(
      `${path}/:id`,
      {
        config: write,
        schema: { tags, summary: `Deletes a ${editable.entity}`, params: idParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await admin.delete(request.ctx, editable, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
  register(editableUnit, unitInput);
  register(editablePerson, personInput);
  register(editableFunction, functionInput);
  register(editableContact, contactInput);
  register(editableNotice, noticeInput);
};
