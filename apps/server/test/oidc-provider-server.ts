/// <reference path="./oidc-provider.d.ts" />
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import Provider from 'oidc-provider';

/**
 * A stand-in for Keycloak in tests: `oidc-provider` (a certified OpenID provider) configured like a Keycloak realm.
 * The issuer is `/realms/kontor`, the client `kontor` is confidential with PKCE required and back-channel logout,
 * access tokens are JWTs carrying Keycloak's role claims (`realm_access`, `resource_access.kontor`), and a small
 * login form checks the accounts' passwords. What it does not copy: Keycloak's role scope rules and admin API.
 */

export const REALM_PATH = '/realms/kontor';
export const CLIENT_ID = 'kontor';

export interface StandInAccount {
  username: string;
  password: string;
  name: string;
  email: string;
  realmRoles: string[];
  clientRoles: string[];
}

export interface OidcStandIn {
  issuer: string;
  clientSecret: string;
  /** Registers Kontor at `origin` as the client `kontor`; until then the provider answers 503. */
  registerKontor(origin: string): Promise<void>;
  /** A JWT signed with the provider's key, issued now by its issuer: to send Kontor logout tokens directly. */
  signToken(claims: Record<string, unknown>): Promise<string>;
  /** Changes an account's roles, as an administrator would in Keycloak. */
  setRoles(username: string, roles: { realmRoles?: string[]; clientRoles?: string[] }): void;
  close(): Promise<void>;
}

const html = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

function loginPage(action: string, error?: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in to kontor</title>
<style>body{font-family:sans-serif;background:#f0f2f5;display:grid;place-items:center;min-height:90vh}
form{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 2px 8px #0002;display:grid;gap:.8rem;width:18rem}
h1{font-size:1.2rem;margin:0}.error{color:#b00020}</style></head><body>
<form method="post" action="${html(action)}"><h1>Sign in to your account</h1><p>Realm: kontor</p>
${error ? `<p class="error" id="kc-error">${html(error)}</p>` : ''}
<label>Username <input id="username" name="username" autocomplete="username" autofocus></label>
<label>Password <input id="password" name="password" type="password" autocomplete="current-password"></label>
<button id="kc-login" type="submit">Sign In</button></form></body></html>`;
}

async function formBody(request: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return new URLSearchParams(body);
}

/** Starts the stand-in on a random port of 127.0.0.1. */
export async function startOidcStandIn(accounts: StandInAccount[]): Promise<OidcStandIn> {
  const byUsername = new Map(accounts.map((account) => [account.username, { ...account }]));
  const clientSecret = randomBytes(24).toString('base64url');
  let provider: Provider | undefined;

  const server = createServer((request, response) => {
    if (!provider || !request.url?.startsWith(REALM_PATH)) {
      response.writeHead(provider ? 404 : 503).end();
      return;
    }
    const current = provider;
    if (request.url.startsWith(`${REALM_PATH}/interaction/`)) {
      interaction(current, request, response).catch((error: Error) => {
        response.writeHead(400, { 'content-type': 'text/plain' }).end(error.message);
      });
      return;
    }
    // Mounted under the realm path, as oidc-provider expects when its issuer has one.
    Object.assign(request, { originalUrl: request.url, url: request.url.slice(REALM_PATH.length) || '/' });
    current.callback()(request, response);
  });

  async function interaction(current: Provider, request: IncomingMessage, response: ServerResponse) {
    const details = await current.interactionDetails(request, response);
    const action = `${REALM_PATH}/interaction/${details.uid}`;
    if (request.method === 'GET') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(action));
      return;
    }
    const form = await formBody(request);
    const account = byUsername.get(form.get('username') ?? '');
    if (!account || account.password !== form.get('password')) {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(loginPage(action, 'Invalid username or password.'));
      return;
    }
    await current.interactionFinished(
      request,
      response,
      { login: { accountId: account.username } },
      {
        mergeWithLastSubmission: false,
      },
    );
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}${REALM_PATH}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'stand-in' };

  const keycloakRoles = (accountId: string) => {
    const account = byUsername.get(accountId);
    return {
      realm_access: { roles: account?.realmRoles ?? [] },
      resource_access: { [CLIENT_ID]: { roles: account?.clientRoles ?? [] } },
    };
  };

  return {
    issuer,
    clientSecret,
    async registerKontor(origin) {
      const resource = `${issuer}/resources/${CLIENT_ID}`;
      provider = new Provider(issuer, {
        clients: [
          {
            client_id: CLIENT_ID,
            client_secret: clientSecret,
            redirect_uris: [`${origin}/api/auth/oidc/callback`],
            post_logout_redirect_uris: [`${origin}/sign-in`],
            backchannel_logout_uri: `${origin}/api/auth/oidc/backchannel-logout`,
            backchannel_logout_session_required: true,
          },
        ],
        jwks: { keys: [signingKey] },
        // Its guard against requests to private addresses would stop the logout calls to Kontor on 127.0.0.1.
        fetch: (url: string, options: RequestInit & { dispatcher?: unknown }) =>
          fetch(url, { ...options, dispatcher: undefined } as RequestInit),
        cookies: { keys: [randomBytes(16).toString('hex')] },
        // Keycloak with "PKCE method: S256": every authorization request must carry a challenge.
        pkce: { required: () => true },
        claims: {
          openid: ['sub'],
          profile: ['name', 'preferred_username', 'given_name', 'family_name'],
          email: ['email', 'email_verified'],
        },
        interactions: {
          url: (_ctx: unknown, interaction: { uid: string }) => `${REALM_PATH}/interaction/${interaction.uid}`,
        },
        features: {
          devInteractions: { enabled: false },
          backchannelLogout: { enabled: true },
          // Keycloak's access tokens are JWTs with audience `account`; the client is in `azp`.
          resourceIndicators: {
            enabled: true,
            defaultResource: () => resource,
            useGrantedResource: () => true,
            getResourceServerInfo: () => ({
              scope: 'roles',
              audience: 'account',
              accessTokenFormat: 'jwt',
              jwt: { sign: { alg: 'RS256' } },
            }),
          },
        },
        async findAccount(_ctx: unknown, sub: string) {
          const account = byUsername.get(sub);
          if (!account) return undefined;
          const [given, ...family] = account.name.split(' ');
          return {
            accountId: sub,
            claims: async () => ({
              sub,
              preferred_username: account.username,
              name: account.name,
              given_name: given,
              family_name: family.join(' '),
              email: account.email,
              email_verified: true,
            }),
          };
        },
        extraTokenClaims(_ctx: unknown, token: { kind: string; accountId: string; sessionUid?: string }) {
          if (token.kind !== 'AccessToken') return undefined;
          return { azp: CLIENT_ID, preferred_username: token.accountId, ...keycloakRoles(token.accountId) };
        },
        // Keycloak asks no consent of a first-party client: the grant is made as the user signs in.
        async loadExistingGrant(ctx: {
          oidc: {
            client: { clientId: string };
            session: { accountId: string; grantIdFor(clientId: string): string | undefined };
            result?: { consent?: { grantId?: string } };
          };
        }) {
          const { client, session, result } = ctx.oidc;
          const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
          if (grantId) return provider?.Grant.find(grantId);
          const grant = new (provider as Provider).Grant({ accountId: session.accountId, clientId: client.clientId });
          grant.addOIDCScope('openid profile email');
          grant.addResourceScope(resource, 'roles');
          await grant.save();
          return grant;
        },
      });
      for (const event of ['server_error', 'backchannel.error']) {
        provider.on(event, (_ctx, error) => console.error(`oidc stand-in ${event}:`, error));
      }
    },
    signToken: (claims) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: signingKey.kid, typ: 'logout+jwt' })
        .setIssuer(issuer)
        .setIssuedAt()
        .setJti(randomBytes(8).toString('hex'))
        .sign(privateKey),
    setRoles(username, roles) {
      const account = byUsername.get(username);
      if (!account) throw new Error(`no stand-in account ${username}`);
      Object.assign(account, roles);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
