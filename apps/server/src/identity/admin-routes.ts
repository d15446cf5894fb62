import {
  apiToken,
  apiTokenCreate,
  apiTokenCreated,
  idParams,
  passwordReset,
  permission,
  role,
  roleInput,
  userCreate,
  userSummary,
  userUpdate,
} from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PermissionCatalog } from '../platform/permissions.js';
import type { IdentityAdminService } from './admin-service.js';
import { toApiToken, toRole, toUserSummary } from './mappers.js';

export interface AdminRoutesOptions {
  admin: IdentityAdminService;
  permissions: PermissionCatalog;
}

const users = { access: { permission: 'admin.users' } } as const;
const roles = { access: { permission: 'admin.roles' } } as const;
const tokens = { access: { permission: 'admin.tokens' } } as const;
// Lists that other admin pages choose from: the user form picks roles, the token form users and permissions.
const readUsers = { access: { permission: ['admin.users', 'admin.tokens'] } };
const readRoles = { access: { permission: ['admin.roles', 'admin.users'] } };
const readPermissions = { access: { permission: ['admin.roles', 'admin.tokens'] } };

/** Administration of users, roles and API tokens. */
export const adminRoutes: FastifyPluginAsyncZod<AdminRoutesOptions> = async (app, { admin, permissions }) => {
  app.get(
    '/api/admin/permissions',
    {
      config: readPermissions,
      schema: { tags: ['admin'], summary: 'Every permission a role can hold', response: { 200: z.array(permission) } },
    },
    async () => permissions.list(),
  );

  app.get(
    '/api/admin/users',
    { config: readUsers, schema: { tags: ['admin'], summary: 'All users', response: { 200: z.array(userSummary) } } },
    async () => (await admin.listUsers()).map(toUserSummary),
  );
  app.get(
    '/api/admin/users/:id',
    {
      config: users,
      schema: { tags: ['admin'], summary: 'One user', params: idParams, response: { 200: userSummary } },
    },
    async (request) => toUserSummary(await admin.getUser(request.params.id)),
  );
  app.post(
    '/api/admin/users',
    {
      config: users,
      schema: { tags: ['admin'], summary: 'Creates a user', body: userCreate, response: { 201: userSummary } },
    },
    async (request, reply) => reply.code(201).send(toUserSummary(await admin.createUser(request.ctx, request.body))),
  );
  app.patch(
    '/api/admin/users/:id',
    {
      config: users,
      schema: {
        tags: ['admin'],
        summary: 'Changes, disables or unlocks a user',
        params: idParams,
        body: userUpdate,
        response: { 200: userSummary },
      },
    },
    async (request) => toUserSummary(await admin.updateUser(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/api/admin/users/:id/password',
    {
      config: users,
      schema: {
        tags: ['admin'],
        summary: "Sets a user's password and ends their sessions",
        params: idParams,
        body: passwordReset,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await admin.setPassword(request.ctx, request.params.id, request.body.password);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/admin/roles',
    { config: readRoles, schema: { tags: ['admin'], summary: 'All roles', response: { 200: z.array(role) } } },
    async () => (await admin.listRoles()).map(toRole),
  );
  app.post(
    '/api/admin/roles',
    { config: roles, schema: { tags: ['admin'], summary: 'Creates a role', body: roleInput, response: { 201: role } } },
    async (request, reply) => reply.code(201).send(toRole(await admin.createRole(request.ctx, request.body))),
  );
  app.put(
    '/api/admin/roles/:id',
    {
      config: roles,
      schema: {
        tags: ['admin'],
        summary: 'Changes a role',
        params: idParams,
        body: roleInput,
        response: { 200: role },
      },
    },
    async (request) => toRole(await admin.updateRole(request.ctx, request.params.id, request.body)),
  );
  app.delete(
    '/api/admin/roles/:id',
    {
      config: roles,
      schema: {
        tags: ['admin'],
        summary: 'Deletes a role no one holds',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await admin.deleteRole(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/admin/tokens',
    { config: tokens, schema: { tags: ['admin'], summary: 'All API tokens', response: { 200: z.array(apiToken) } } },
    async () => (await admin.listTokens()).map(toApiToken),
  );
  app.post(
    '/api/admin/tokens',
    {
      config: tokens,
      schema: {
        tags: ['admin'],
        summary: 'Creates an API token; its secret is in this answer only',
        body: apiTokenCreate,
        response: { 201: apiTokenCreated },
      },
    },
    async (request, reply) => {
      const { token, secret } = await admin.createToken(request.ctx, request.body);
      return reply.code(201).send({ ...toApiToken(token), secret });
    },
  );
  app.delete(
    '/api/admin/tokens/:id',
    {
      config: tokens,
      schema: { tags: ['admin'], summary: 'Revokes an API token', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await admin.revokeToken(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
