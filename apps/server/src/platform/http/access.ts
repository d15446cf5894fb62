import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { type Actor, hasPermission, type RequestContext } from '../context.js';
import { AppError, forbidden, unauthenticated } from './errors.js';
import { requestLocale } from './request-locale.js';

/**
 * Who may call a route. Every route must declare one (ARCHITECTURE.md, rule 6): registering a route
 * without it fails at start-up, and a test walks all routes to prove the declaration holds.
 */
export type RouteAccess =
  | { public: string }
  | { authenticated: true }
  | { permission: string | string[]; publicWhen?: PublicWhen };

/**
 * Opens a permission route to every caller, signed in or not, while `holds()` is true: a setting of this node
 * and its current role, read on every request (a promoted node stops being a client at once). The reason says
 * why, as a public route's does. Only for reading: a route that changes state refuses it at registration.
 */
export interface PublicWhen {
  reason: string;
  holds: () => boolean;
}

/** The permissions that open a route: any one of them suffices. */
export const permissionsOf = (access: RouteAccess): string[] =>
  'permission' in access ? [access.permission].flat() : [];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

/** Resolves the caller of a request from its credentials; identity implements it. */
export interface Authenticator {
  authenticate(request: FastifyRequest, reply: FastifyReply): Promise<Actor | null>;
}

/** Routes that plugins register for us, with the reason they are public. */
const pluginRoutes: Array<{ prefix: string; reason: string }> = [
  { prefix: '/api/docs', reason: 'the API documentation describes the API, it holds no data' },
];

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

export function enforceRouteAccess(app: FastifyInstance, authenticator: Authenticator, registry: RegisteredRoute[]) {
  app.decorateRequest('ctx');

  app.addHook('onRoute', (route: RouteOptions) => {
    const url = route.url;
    const fromPlugin = pluginRoutes.find((entry) => url.startsWith(entry.prefix));
    if (!route.config?.access && fromPlugin) {
      route.config = { ...route.config, access: { public: fromPlugin.reason } };
    }
    const access = route.config?.access;
    if (!access)
      throw new Error(`Route ${String(route.method)} ${url} does not declare who may call it (config.access)`);
    if ('publicWhen' in access && [route.method].flat().some((method) => STATE_CHANGING.has(method))) {
      throw new Error(`Route ${String(route.method)} ${url} changes state; only reading routes may be publicWhen`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') registry.push({ method, url, access });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const actor = await authenticator.authenticate(request, reply);
    const locale = requestLocale(request.headers['accept-language']);
    request.ctx = { actor, requestId: String(request.id), ip: request.ip, locale };
    const access = request.routeOptions.config.access;
    if (!access || 'public' in access) return;
    if ('publicWhen' in access && access.publicWhen?.holds()) return;
    if (!actor) throw unauthenticated();
    if (actor.via === 'session' && STATE_CHANGING.has(request.method)) {
      if (request.headers['x-csrf-token'] !== actor.csrfToken) {
        throw new AppError(
          403,
          'csrf_token_invalid',
          'The x-csrf-token header is missing or does not match the session',
        );
      }
    }
    const needed = permissionsOf(access);
    if (needed.length > 0 && !needed.some((permission) => hasPermission(actor, permission)))
      throw forbidden(needed.join(' or '));
  });
}
