import {
  crmBackfillCommand,
  crmConsistencyReport,
  crmEntityMigration,
  crmEntityParams,
  crmLegacySwitch,
  crmMigrationStatus,
  idParams,
} from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CRM_ADMIN, CRM_READ } from '../errors.js';
import type { MigrationService } from './migration-service.js';

const READ = { access: { permission: CRM_READ } } as const;
const ADMIN = { access: { permission: CRM_ADMIN } } as const;
const tags = ['crm'];

/** The migration from the legacy CRM: its state, the backfill, the "legacy off" switches and consistency checks. */
export const migrationRoutes: FastifyPluginAsyncZod<{ migration: MigrationService }> = async (app, { migration }) => {
  app.get(
    '/api/crm/migration',
    {
      config: READ,
      schema: {
        tags,
        summary:
          'How the migration goes: per entity the legacy and migrated counts, the backfill, the switch and what ' +
          'failed; the cache and the legacy CRM lately; the latest consistency checks',
        response: { 200: crmMigrationStatus },
      },
    },
    async (request) => migration.status(request.ctx),
  );
  app.post(
    '/api/crm/migration/:entity/backfill',
    {
      config: ADMIN,
      schema: {
        tags,
        summary:
          'Starts (or resumes) the backfill of an entity, or pauses it; a finished one starts over and retries ' +
          'what failed',
        params: crmEntityParams,
        body: crmBackfillCommand,
        response: { 200: crmEntityMigration },
      },
    },
    async (request) => migration.backfill(request.ctx, request.params.entity, request.body.action),
  );
  app.put(
    '/api/crm/migration/:entity/legacy',
    {
      config: ADMIN,
      schema: {
        tags,
        summary:
          'Switches the legacy CRM off for an entity (409 while records are pending or failed) or on again; ' +
          'when off, the CRM no longer reads from or writes to it',
        params: crmEntityParams,
        body: crmLegacySwitch,
        response: { 200: crmEntityMigration },
      },
    },
    async (request) => migration.setLegacyOff(request.ctx, request.params.entity, request.body.legacyOff),
  );
  app.post(
    '/api/crm/migration/:entity/check',
    {
      config: ADMIN,
      schema: {
        tags,
        summary: 'Starts a consistency check of an entity against the legacy CRM (202: poll its report)',
        params: crmEntityParams,
        response: { 202: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) => reply.code(202).send(await migration.check(request.ctx, request.params.entity)),
  );
  app.get(
    '/api/crm/migration/checks/:id',
    {
      config: READ,
      schema: {
        tags,
        summary: 'A consistency check: its progress while it runs, then what it found',
        params: idParams,
        response: { 200: crmConsistencyReport },
      },
    },
    async (request) => migration.report(request.ctx, request.params.id),
  );
};
