import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerLiveEvents } from './platform/events/live.js';
import { type Authenticator, enforceRouteAccess, type RegisteredRoute } from './platform/http/access.js';
import { AppError, errorHandler, notFoundHandler } from './platform/http/errors.js';
import { addSecurityHeaders } from './platform/http/security-headers.js';
import { responseSerializerCompiler } from './platform/http/serializer.js';
import { instrumentRequests } from './platform/metrics/metrics.js';
import type { KontorModule, Platform } from './platform/platform.js';
import { kontorVersion } from './version.js';

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
const REQUEST_ID = /^[\w.-]{1,100}$/;

export interface BuiltApp {
  app: FastifyInstance;
  /** Every route with who may call it, as registered; the access test walks this list. */
  routes: RegisteredRoute[];
}

/** Builds the HTTP face of a node: platform plugins, the access rules, then every module's routes. */
export async function buildApp(
  platform: Platform,
  modules: KontorModule[],
  authenticator: Authenticator,
): Promise<BuiltApp> {
  const app = Fastify({
    loggerInstance: platform.logger as FastifyBaseLogger,
    bodyLimit: platform.config.bodyLimitBytes,
    trustProxy: platform.config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Cookies are parsed before the access hook reads the session; no route may exist before that hook.
  await app.register(fastifyCookie);
  const routes: RegisteredRoute[] = [];
  enforceRouteAccess(app, authenticator, routes);
  instrumentRequests(app, platform.metrics);

  addSecurityHeaders(app);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.ceil(context.ttl / 1000);
      return new AppError(429, 'rate_limited', `Too many requests; try again in ${seconds} s`, {
        retryAfterSeconds: seconds,
      });
    },
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kontor API',
        version: kontorVersion,
        description: 'Errors are RFC 9457 application/problem+json.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kontor_session' },
          token: { type: 'http', scheme: 'bearer', description: 'An API token: kontor_<id>_<secret>' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerLiveEvents(app, platform.bus, platform.topics);
  for (const module of modules) await module.register?.(app, platform);
  await serveWebApp(app);
  return { app, routes };
}

/** The built single-page app; any non-API path that is not a file answers with its index.html. */
async function serveWebApp(app: FastifyInstance) {
  const hasBuild = existsSync(`${WEB_DIST}/index.html`);
  if (hasBuild) await app.register(fastifyStatic, { root: WEB_DIST, serve: false });
  app.get(
    '/*',
    { config: { access: { public: 'the web app itself; its data comes from the API' } }, schema: { hide: true } },
    async (request, reply) => {
      const path = (request.params as { '*': string })['*'];
      if (path.startsWith('api/')) return notFoundHandler(request, reply);
      if (!hasBuild) {
        throw new AppError(
          503,
          'web_not_built',
          'The web app is not built; run `npm run build` (npm start does it for you)',
        );
      }
      if (path && !path.includes('..') && /\.[a-z0-9]+$/i.test(path) && existsSync(`${WEB_DIST}/${path}`)) {
        const immutable = path.startsWith('assets/');
        return reply
          .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
          .sendFile(path);
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    },
  );
}
