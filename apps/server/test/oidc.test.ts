import type { Me, Problem, UserSummary } from '@kontor/contracts';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ID, type OidcStandIn, startOidcStandIn } from './oidc-provider-server.js';
import { describeEachStore } from './stores.js';
import { expectStatus, startTestNode, type TestNode } from './test-node.js';

const accounts = [
  {
    username: 'kim.agent',
    password: 'kim at keycloak',
    name: 'Kim Agentsson',
    email: 'kim@example.org',
    realmRoles: ['desk-agent', 'offline_access'],
    clientRoles: ['auditor'],
  },
  {
    username: 'lea.locked',
    password: 'lea at keycloak',
    name: 'Lea Locked',
    email: 'lea@example.org',
    realmRoles: ['desk-agent'],
    clientRoles: [],
  },
];

/** A browser in miniature: a cookie jar (127.0.0.1 shares cookies across ports, as browsers do) and manual redirects. */
class Browser {
  readonly cookies = new Map<string, string>();

  async request(url: string, init: { method?: string; form?: Record<string, string>; accept?: string } = {}) {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(init.accept && { accept: init.accept }),
        ...(init.form && { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      body: init.form && new URLSearchParams(init.form),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const [name = '', value = ''] = pair.trim().split(/=(.*)/s);
      const expired = attributes.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Follows redirects until a page answers, or until `stop` says the next address is where the test steps in. */
  async follow(url: string, stop: (next: URL) => boolean = () => false): Promise<{ url: URL; response: Response }> {
    let current = new URL(url);
    for (let hops = 0; hops < 10; hops += 1) {
      const response = await this.request(current.href);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response };
      current = new URL(location, current);
      if (stop(current)) return { url: current, response };
    }
    throw new Error(`too many redirects at ${current.href}`);
  }
}

const isCallback = (url: URL) => url.pathname === '/api/auth/oidc/callback';

/** Starts at Kontor's SSO button, signs in on the provider's form and stops before the callback. */
async function throughProvider(browser: Browser, kontor: string, username: string, password: string) {
  const form = await browser.follow(`${kontor}/api/auth/oidc/login?returnTo=/desk`, isCallback);
  expect(await form.response.text()).toContain('Sign in to your account');
  const posted = await browser.request(form.url.href, { method: 'POST', form: { username, password } });
  const next = new URL(posted.headers.get('location') as string, form.url);
  return (await browser.follow(next.href, isCallback)).url;
}

async function signIn(browser: Browser, kontor: string, username: string, password: string) {
  const callback = await throughProvider(browser, kontor, username, password);
  const landed = await browser.request(callback.href);
  return { landed, session: browser.cookies.get('kontor_session') };
}

const me = (kontor: string, browser: Browser) => browser.request(`${kontor}/api/me`);

describeEachStore('sign-in with Keycloak (OIDC)', (store) => {
  let provider: OidcStandIn;
  let node: TestNode;
  let kontor: string;
  let release: () => Promise<void>;
  const roleIds = new Map<string, string>();
  const userNamed = async (username: string): Promise<UserSummary> =>
    (await node.app.inject({ url: '/api/admin/users', headers: node.admin.headers }))
      .json()
      .find((user: UserSummary) => user.username === username);

  beforeAll(async () => {
    provider = await startOidcStandIn(accounts);
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location, {
      demo: false,
      logLevel: 'error',
      oidcIssuer: provider.issuer,
      oidcClientId: CLIENT_ID,
      oidcClientSecret: provider.clientSecret,
      oidcRoleMap: { 'realm:desk-agent': 'SSO agent', 'client:auditor': ['SSO auditor'] },
    });
    kontor = await node.app.listen({ host: '127.0.0.1', port: 0 });
    await provider.registerKontor(kontor);
    for (const [name, permissions] of [
      ['SSO agent', ['desk.agent']],
      ['SSO auditor', ['admin.audit']],
      ['Local reporter', ['desk.request']],
    ] as const) {
      const role = await expectStatus(
        node.app.inject({
          method: 'POST',
          url: '/api/admin/roles',
          headers: node.admin.headers,
          payload: { name, permissions },
        }),
        201,
      );
      roleIds.set(name, role.json().id);
    }
  });
  afterAll(async () => {
    await node?.close();
    await provider?.close();
    await release?.();
  });

  it('tells the sign-in page that SSO is set up', async () => {
    const status = await (await fetch(`${kontor}/api/auth/oidc`)).json();
    expect(status).toEqual({ configured: true, buttonLabel: 'Keycloak', localLoginDisabled: false });
  });

  it('signs a new user in with PKCE, provisions them with the mapped roles and returns them where they were', async () => {
    const browser = new Browser();
    const login = await browser.request(`${kontor}/api/auth/oidc/login?returnTo=/desk`);
    const authorize = new URL(login.headers.get('location') as string);
    expect(authorize.href.startsWith(`${provider.issuer}/`)).toBe(true);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();

    const { landed, session } = await signIn(new Browser(), kontor, 'kim.agent', 'kim at keycloak');
    expect(landed.status).toBe(303);
    expect(landed.headers.get('location')).toBe('/desk');
    expect(session).toBeTruthy();
    const user = (await (
      await fetch(`${kontor}/api/me`, { headers: { cookie: `kontor_session=${session}` } })
    ).json()) as Me;
    expect(user).toMatchObject({ username: 'kim.agent', displayName: 'Kim Agentsson' });
    expect(user.permissions).toEqual(['admin.audit', 'desk.agent']);

    const audit = await node.app.inject({ url: '/api/admin/audit?action=user.create', headers: node.admin.headers });
    expect(audit.json().entries).toEqual(
      expect.arrayContaining([expect.objectContaining({ actorName: 'system:oidc', entityId: user.id })]),
    );
  });

  it('replaces the roles SSO granted at every sign-in and keeps the roles granted in Kontor', async () => {
    const kim = await userNamed('kim.agent');
    const held = kim.roles.map((role) => role.id);
    await expectStatus(
      node.app.inject({
        method: 'PATCH',
        url: `/api/admin/users/${kim.id}`,
        headers: node.admin.headers,
        payload: { displayName: kim.displayName, roleIds: [...held, roleIds.get('Local reporter')] },
      }),
      200,
    );
    provider.setRoles('kim.agent', { clientRoles: [] });
    const browser = new Browser();
    await signIn(browser, kontor, 'kim.agent', 'kim at keycloak');
    expect(((await (await me(kontor, browser)).json()) as Me).permissions).toEqual(['desk.agent', 'desk.request']);
  });

  it('refuses a callback whose state, PKCE verifier or issuer is not the one it started with', async () => {
    const tamper = async (change: (callback: URL, browser: Browser) => void) => {
      const browser = new Browser();
      const callback = await throughProvider(browser, kontor, 'kim.agent', 'kim at keycloak');
      change(callback, browser);
      const answer = await browser.request(callback.href);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(browser.cookies.has('kontor_session')).toBe(false);
      return ((await answer.json()) as Problem).code;
    };
    expect(await tamper((url) => url.searchParams.set('state', 'forged'))).toBe('identity.oidc_failed');
    // Without the login cookie there is no PKCE verifier to redeem the code with.
    expect(await tamper((_url, browser) => browser.cookies.delete('kontor_oidc_login'))).toBe('identity.oidc_failed');
    expect(await tamper((url) => url.searchParams.set('iss', 'https://evil.example.org/realms/kontor'))).toBe(
      'identity.oidc_failed',
    );

    // A person's browser asks for a page: it goes back to the sign-in page, which says what went wrong.
    const browser = new Browser();
    const callback = await throughProvider(browser, kontor, 'kim.agent', 'kim at keycloak');
    callback.searchParams.set('state', 'forged');
    const page = await browser.request(callback.href, { accept: 'text/html,application/xhtml+xml' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/sign-in?sso_error=identity.oidc_failed');
    expect(browser.cookies.has('kontor_session')).toBe(false);
  });

  it('refuses a disabled Kontor user at the callback', async () => {
    await signIn(new Browser(), kontor, 'lea.locked', 'lea at keycloak');
    const lea = await userNamed('lea.locked');
    await expectStatus(
      node.app.inject({
        method: 'PATCH',
        url: `/api/admin/users/${lea.id}`,
        headers: node.admin.headers,
        payload: { disabled: true },
      }),
      200,
    );
    const browser = new Browser();
    const { landed } = await signIn(browser, kontor, 'lea.locked', 'lea at keycloak');
    expect(landed.status).toBe(403);
    expect(browser.cookies.has('kontor_session')).toBe(false);
  });

  it('ends the Kontor session when the provider logs the user out over the back channel', async () => {
    const browser = new Browser();
    await signIn(browser, kontor, 'kim.agent', 'kim at keycloak');
    expect((await me(kontor, browser)).status).toBe(200);
    // RP-initiated logout at the provider, confirmed on its page: it posts a logout token to Kontor.
    const page = await (await browser.request(`${provider.issuer}/session/end`)).text();
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1] as string;
    const confirmed = await browser.request(`${provider.issuer}/session/end/confirm`, {
      method: 'POST',
      form: { xsrf, logout: 'yes' },
    });
    expect(confirmed.status).toBeLessThan(400);
    expect((await me(kontor, browser)).status).toBe(401);
  });

  it('ends every SSO session of a user when the logout token names only the subject', async () => {
    const first = new Browser();
    const second = new Browser();
    await signIn(first, kontor, 'kim.agent', 'kim at keycloak');
    await signIn(second, kontor, 'kim.agent', 'kim at keycloak');
    const token = await provider.signToken({
      sub: 'kim.agent',
      aud: CLIENT_ID,
      events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
    });
    const answer = await fetch(`${kontor}/api/auth/oidc/backchannel-logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ logout_token: token }),
    });
    expect(answer.status).toBe(200);
    expect((await me(kontor, first)).status).toBe(401);
    expect((await me(kontor, second)).status).toBe(401);
    // The admin signed in with a password: untouched.
    expect((await node.app.inject({ url: '/api/me', headers: node.admin.headers })).statusCode).toBe(200);
  });

  it('answers 400 to a logout token that is malformed, forged, without the logout event, with a nonce or for another client', async () => {
    const post = (token: string) =>
      fetch(`${kontor}/api/auth/oidc/backchannel-logout`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ logout_token: token }),
      });
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({
      sub: 'kim.agent',
      events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
    })
      // The stand-in's key id, so only the signature itself can tell the forgery apart.
      .setProtectedHeader({ alg: 'RS256', kid: 'stand-in' })
      .setIssuer(provider.issuer)
      .setAudience(CLIENT_ID)
      .setIssuedAt()
      .setJti('forged')
      .sign(privateKey);
    const logout = { 'http://schemas.openid.net/event/backchannel-logout': {} };
    const withoutEvent = await provider.signToken({ sub: 'kim.agent', aud: CLIENT_ID });
    const withNonce = await provider.signToken({ sub: 'kim.agent', aud: CLIENT_ID, events: logout, nonce: 'n' });
    const forOtherClient = await provider.signToken({ sub: 'kim.agent', aud: 'another', events: logout });
    for (const token of ['not-a-jwt', forged, withoutEvent, withNonce, forOtherClient]) {
      const answer = await post(token);
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as Problem).code).toBe('identity.invalid_logout_token');
    }
  });
});

describeEachStore('local sign-in turned off', (store) => {
  let node: TestNode;
  let release: () => Promise<void>;

  beforeAll(async () => {
    const created = await store.create();
    release = created.release;
    node = await startTestNode(created.location, {
      demo: false,
      oidcIssuer: 'https://keycloak.example.org/realms/kontor',
      oidcClientSecret: 'not used here',
      localLoginDisabled: true,
    });
  });
  afterAll(async () => {
    await node?.close();
    await release?.();
  });

  describe('password sign-in', () => {
    it('is refused with 403 for everyone but the built-in admin, the break-glass account', async () => {
      const user = await expectStatus(
        node.app.inject({
          method: 'POST',
          url: '/api/admin/users',
          headers: node.admin.headers,
          payload: { username: 'pat.local', displayName: 'Pat Local', password: 'a long enough password' },
        }),
        201,
      );
      expect(user.json().username).toBe('pat.local');
      const refused = await node.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'pat.local', password: 'a long enough password' },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json().code).toBe('identity.local_login_disabled');
      const status = (await node.app.inject({ url: '/api/auth/oidc' })).json();
      expect(status.localLoginDisabled).toBe(true);
    });
  });
});
