import { loginRequest, me, preferencesUpdate } from '@kontor/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unauthenticated } from '../platform/http/errors.js';
import type { IdentityAdminService } from './admin-service.js';
import type { AuthService, SignedIn } from './auth-service.js';
import { SESSION_COOKIE } from './credentials.js';
import { toMe } from './mappers.js';

export interface AuthRoutesOptions {
  auth: AuthService;
  admin: IdentityAdminService;
  secureCookies: boolean;
  loginRateLimitPerMinute: number;
}

/** The session cookie of a new session, however the user signed in (password or single sign-on). */
export function setSessionCookie(reply: FastifyReply, signedIn: SignedIn, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, signedIn.sessionSecret, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    expires: signedIn.expiresAt,
  });
}

/** Sign-in, sign-out and the signed-in user's own profile. */
export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (
  app,
  { auth, admin, secureCookies, loginRateLimitPerMinute },
) => {
  app.post(
    '/api/auth/login',
    {
      config: {
        access: { public: 'signing in is how a caller gets credentials' },
        rateLimit: { max: loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie',
        body: loginRequest,
        response: { 200: me },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const signedIn = await auth.login(request.ctx, username, password, request.headers['user-agent'] ?? null);
      setSessionCookie(reply, signedIn, secureCookies);
      return toMe(signedIn.actor);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: { public: 'signing out must work even with an expired session' } },
      schema: { tags: ['auth'], summary: 'Sign out; ends the session', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await auth.logout(request.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, their permissions and CSRF token',
        response: { 200: me },
      },
    },
    async (request) => {
      const actor = request.ctx.actor;
      if (!actor?.userId) throw unauthenticated();
      return toMe({ ...actor, userId: actor.userId });
    },
  );

  app.put(
    '/api/me/preferences',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['auth'],
        summary: "Saves the user's language",
        body: preferencesUpdate,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await admin.setLocale(request.ctx, request.body.locale);
      return reply.code(204).send(null);
    },
  );
};
