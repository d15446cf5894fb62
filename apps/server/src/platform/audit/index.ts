import { fileURLToPath } from 'node:url';
import { auditPage, auditQuery } from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { KontorModule, Platform } from '../platform.js';
import { AUDIT_TOPIC } from './audit-log.js';

export { AuditLog } from './audit-log.js';

const access = { access: { permission: 'admin.audit' } } as const;

const auditRoutes: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  app.get(
    '/api/admin/audit',
    {
      config: access,
      schema: {
        tags: ['admin'],
        summary: 'Audit log entries, newest first',
        querystring: auditQuery,
        response: { 200: auditPage },
      },
    },
    async (request) => {
      const query = request.query;
      const entries = await platform.audit.list(platform.db, {
        ...query,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      });
      const last = entries.at(-1);
      return { entries, nextBefore: entries.length === query.limit && last ? last.id : null };
    },
  );
  app.get(
    '/api/admin/audit/actions',
    {
      config: access,
      schema: {
        tags: ['admin'],
        summary: 'The actions that occur in the audit log',
        response: { 200: z.array(z.string()) },
      },
    },
    async () => platform.audit.actions(platform.db),
  );
};

export const auditModule: KontorModule = {
  name: 'audit',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  permissions: [{ key: 'admin.audit', description: 'Read the audit log of every administrative change' }],
  topics: { [AUDIT_TOPIC]: 'admin.audit' },
  register: (app, platform) => app.register(auditRoutes, { platform }),
};
