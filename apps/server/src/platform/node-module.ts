import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { directoryReadableByAnyone } from '../directory/index.js';
import { kontorVersion } from '../version.js';
import { systemContext } from './context.js';
import { AppError } from './http/errors.js';
import type { KontorModule, Platform } from './platform.js';
import { settingsRepository } from './settings-repository.js';

const ORGANISATION_KEY = 'organisation';
const DEFAULT_ORGANISATION = 'Kontor';

const nodeInfo = z.object({
  organisation: z.string(),
  role: z.enum(['server', 'client']),
  version: z.string(),
  /** The contact directory can be read here without signing in (a client node with `directoryPublicRead`). */
  publicDirectory: z.boolean(),
});

/** Whether the node can serve: its database answers and, when configured, Redis too. */
async function checkReadiness(platform: Platform): Promise<Record<string, 'ok' | string>> {
  const checks: Record<string, string> = {};
  try {
    await sql`select 1`.execute(platform.db);
    checks.database = 'ok';
  } catch (error) {
    checks.database = (error as Error).message;
  }
  const bus = platform.bus as { ping?: () => Promise<boolean> };
  if (bus.ping) {
    checks.redis = await bus.ping().then(
      (pong) => (pong ? 'ok' : 'no answer'),
      (error: Error) => error.message,
    );
  }
  return checks;
}

const nodeRoutes: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  app.get(
    '/healthz',
    { config: { access: { public: 'liveness probes carry no credentials' } }, schema: { hide: true } },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    {
      config: { access: { public: 'readiness probes carry no credentials; the answer names no data' } },
      schema: { hide: true },
    },
    async (_request, reply) => {
      const checks = await checkReadiness(platform);
      const ready = Object.values(checks).every((value) => value === 'ok');
      if (!ready) throw new AppError(503, 'not_ready', `Not ready: ${JSON.stringify(checks)}`);
      return reply.send({ status: 'ready', checks });
    },
  );
  app.get(
    '/metrics',
    { config: { access: { permission: 'platform.metrics' } }, schema: { hide: true } },
    async (_request, reply) =>
      reply.type(platform.metrics.registry.contentType).send(await platform.metrics.registry.metrics()),
  );
  app.get(
    '/api/node',
    {
      config: { access: { public: 'the sign-in page shows which organisation and node this is' } },
      schema: {
        tags: ['node'],
        summary: 'Organisation, role and version of this node, and whether its directory needs no sign-in',
        response: { 200: nodeInfo },
      },
    },
    async () => ({
      organisation: (await settingsRepository.get<string>(platform.db, ORGANISATION_KEY)) ?? DEFAULT_ORGANISATION,
      role: platform.node.role,
      version: kontorVersion,
      publicDirectory: directoryReadableByAnyone(platform),
    }),
  );
};

export const nodeModule: KontorModule = {
  name: 'platform',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  // The organisation's name and other node-wide settings are the hub's, shown on every node.
  replicated: [
    { table: 'platform.settings', policy: 'reference', key: ['key'], columns: ['key', 'value', 'updated_at'] },
  ],
  permissions: [
    { key: 'platform.metrics', description: 'Scrape Prometheus metrics at /metrics (give it to an API token)' },
  ],
  register: (app, platform) => app.register(nodeRoutes, { platform }),
  async seedDemo(platform) {
    if (await settingsRepository.get(platform.db, ORGANISATION_KEY)) return;
    await platform.transaction(async (trx) => {
      const name = 'Region Örebro län (demo)';
      await settingsRepository.set(trx, ORGANISATION_KEY, name);
      await platform.audit.record(trx, systemContext('demo'), {
        action: 'settings.update',
        entity: 'settings',
        entityId: ORGANISATION_KEY,
        after: name,
      });
    });
  },
};
