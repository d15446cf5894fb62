import { backchannelLogoutBody, oidcCallbackQuery, oidcLoginQuery, oidcStatus } from '@kontor/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/http/errors.js';
import { setSessionCookie } from '../routes.js';
import { LOGIN_TTL_SECONDS, type OidcService } from './oidc-service.js';

export interface OidcRoutesOptions {
  /** Null when no provider is configured: the status says so and the flow's routes answer 404. */
  oidc: OidcService | null;
  localLoginDisabled: boolean;
  publicUrl: string | undefined;
  secureCookies: boolean;
}

/** Carries the secret of a sign-in under way from the login redirect to the callback; nothing else may read it. */
const LOGIN_COOKIE = 'kontor_oidc_login';
const CALLBACK_PATH = '/api/auth/oidc/callback';

/** Sign-in through the OIDC provider (docs/sso.md). */
export const oidcRoutes: FastifyPluginAsyncZod<OidcRoutesOptions> = async (
  app,
  { oidc, localLoginDisabled, publicUrl, secureCookies },
) => {
  // Logout tokens arrive as a form post (Back-Channel Logout 1.0, section 2.5); only these routes read forms.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  const configured = (): OidcService => {
    if (!oidc) throw new AppError(404, 'identity.oidc_not_configured', 'Single sign-on is not set up on this node');
    return oidc;
  };
  // Where the provider sends the browser back: the configured public URL, else the address the browser used.
  const redirectUri = (request: FastifyRequest) =>
    `${publicUrl?.replace(/\/+$/, '') ?? `${request.protocol}://${request.host}`}${CALLBACK_PATH}`;

  app.get(
    '/api/auth/oidc',
    {
      config: { access: { public: 'the sign-in page asks before anyone has signed in' } },
      schema: {
        tags: ['auth'],
        summary: 'Whether single sign-on is set up, and its button',
        response: { 200: oidcStatus },
      },
    },
    async () => oidc?.status() ?? { configured: false, buttonLabel: null, localLoginDisabled },
  );

  app.get(
    '/api/auth/oidc/login',
    {
      config: { access: { public: 'starts signing in; the provider authenticates the user' } },
      schema: { tags: ['auth'], summary: 'Redirects to the OIDC provider to sign in', querystring: oidcLoginQuery },
    },
    async (request, reply) => {
      const { url, loginSecret } = await configured().beginLogin(redirectUri(request), request.query.returnTo);
      reply.setCookie(LOGIN_COOKIE, loginSecret, {
        httpOnly: true,
        // Lax: the cookie must come back on the provider's top-level redirect to the callback.
        sameSite: 'lax',
        secure: secureCookies,
        path: CALLBACK_PATH,
        maxAge: LOGIN_TTL_SECONDS,
      });
      return reply.redirect(url.href, 302);
    },
  );

  app.get(
    CALLBACK_PATH,
    {
      config: { access: { public: 'the provider sends the signed-in user back here' } },
      schema: {
        tags: ['auth'],
        summary: 'Completes OIDC sign-in; sets the session cookie',
        querystring: oidcCallbackQuery,
      },
    },
    async (request, reply) => {
      const callbackUrl = new URL(redirectUri(request));
      callbackUrl.search = new URL(request.url, 'http://callback.invalid').search;
      reply.clearCookie(LOGIN_COOKIE, { path: CALLBACK_PATH });
      try {
        const { signedIn, returnTo } = await configured().completeLogin(
          request.ctx,
          request.cookies[LOGIN_COOKIE],
          callbackUrl,
          request.headers['user-agent'] ?? null,
        );
        setSessionCookie(reply, signedIn, secureCookies);
        return reply.redirect(returnTo, 303);
      } catch (error) {
        // A person in a browser gets the sign-in page saying what went wrong, not a page of JSON; scripts get JSON.
        const browser = request.headers.accept?.includes('text/html');
        if (!browser || !(error instanceof AppError) || error.status >= 500) throw error;
        return reply.redirect(`/sign-in?sso_error=${encodeURIComponent(error.code)}`, 303);
      }
    },
  );

  app.post(
    '/api/auth/oidc/backchannel-logout',
    {
      config: { access: { public: 'the provider calls it; the signed logout token is the credential' } },
      schema: {
        tags: ['auth'],
        summary: 'OIDC Back-Channel Logout: ends the sessions the logout token names',
        body: backchannelLogoutBody,
        response: { 200: z.null() },
      },
    },
    async (request, reply) => {
      await configured().backchannelLogout(request.body.logout_token);
      // The specification asks for no caching of the answer.
      return reply.header('cache-control', 'no-store').code(200).send(null);
    },
  );
};
