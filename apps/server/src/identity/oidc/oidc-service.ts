import type { OidcStatus } from '@kontor/contracts';
import * as client from 'openid-client';
import { type RequestContext, systemContext } from '../../platform/context.js';
import { Outbox } from '../../platform/events/outbox.js';
import { AppError } from '../../platform/http/errors.js';
import type { Platform } from '../../platform/platform.js';
import type { ActorCache } from '../actor-cache.js';
import { IDENTITY_TOPICS } from '../admin-service.js';
import type { AuthService, SignedIn } from '../auth-service.js';
import { randomSecret, sha256 } from '../credentials.js';
import type { IdentityDb } from '../tables.js';
import { mappedRoleNames, providerRoles } from './keycloak-roles.js';
import { verifyLogoutToken } from './logout-token.js';
import { oidcRepository } from './oidc-repository.js';
import type { OidcSettings } from './oidc-settings.js';
import { ProviderConnection, providerUnavailable } from './provider-connection.js';
import { type ProviderIdentity, provisionUser } from './provisioning.js';

/** How long a browser may take at the provider's login page before it must start again. */
export const LOGIN_TTL_SECONDS = 600;

const signInFailed = (reason: string) =>
  new AppError(400, 'identity.oidc_failed', `Single sign-on did not complete: ${reason}`);

/** Only a path of this site, so the callback cannot send a user elsewhere (an open redirect). */
export const safeReturnPath = (path: string | undefined) =>
  path?.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/';

/** Sign-in through an OpenID Connect provider: authorization code with PKCE, provisioning, back-channel logout. */
export class OidcService {
  readonly #db: IdentityDb;
  readonly #provider: ProviderConnection;

  constructor(
    private readonly platform: Platform,
    private readonly settings: OidcSettings,
    private readonly auth: AuthService,
    private readonly cache: ActorCache,
  ) {
    this.#db = platform.db.withTables();
    this.#provider = new ProviderConnection(settings, platform.logger);
  }

  status(): OidcStatus {
    return {
      configured: this.#onHub(),
      buttonLabel: this.settings.buttonLabel,
      localLoginDisabled: this.platform.config.localLoginDisabled,
    };
  }

  /** Where to send the browser, and the secret its login cookie carries back to `completeLogin`. */
  async beginLogin(redirectUri: string, returnTo: string | undefined): Promise<{ url: URL; loginSecret: string }> {
    if (!this.#onHub()) {
      throw new AppError(409, 'identity.oidc_hub_only', 'Single sign-on works on the hub; sign in there');
    }
    const configuration = await this.#provider.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const loginSecret = randomSecret();
    await oidcRepository.insertPending(
      this.#db,
      sha256(loginSecret),
      { state, nonce, codeVerifier, returnTo: safeReturnPath(returnTo) },
      new Date(Date.now() + LOGIN_TTL_SECONDS * 1000),
    );
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: 'openid profile email',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, loginSecret };
  }

  /** Exchanges the provider's answer for tokens, provisions the user and opens their Kontor session. */
  async completeLogin(
    ctx: RequestContext,
    loginSecret: string | undefined,
    callbackUrl: URL,
    userAgent: string | null,
  ): Promise<{ signedIn: SignedIn; returnTo: string }> {
    const pending = loginSecret ? await oidcRepository.takePending(this.#db, sha256(loginSecret)) : undefined;
    if (!pending) throw signInFailed('no sign-in was started in this browser, or it took too long; start again');
    const configuration = await this.#provider.configuration();
    const tokens = await client
      .authorizationCodeGrant(
        configuration,
        callbackUrl,
        {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        },
        // The redirect URI exactly as sent, whatever the request looked like behind a proxy.
        { redirect_uri: `${callbackUrl.origin}${callbackUrl.pathname}` },
      )
      .catch((error: unknown) => {
        this.platform.logger.warn({ err: error }, 'OIDC callback refused');
        if (error instanceof TypeError) throw providerUnavailable();
        throw signInFailed((error as Error).message);
      });
    const idClaims = tokens.claims();
    if (!idClaims) throw signInFailed('the provider sent no ID token');
    const accessClaims = await this.#accessTokenClaims(tokens.access_token);
    if (accessClaims.sub !== undefined && accessClaims.sub !== idClaims.sub) {
      throw signInFailed('the access token and the ID token name different users');
    }
    const identity = this.#identity(idClaims, accessClaims);
    const oidcCtx = { ...ctx, actor: systemContext('oidc').actor };
    const user = await this.platform.transaction(async (trx) => {
      const provisioned = await provisionUser(this.platform, trx, oidcCtx, identity);
      await Outbox.add(trx, IDENTITY_TOPICS.users, { by: 'oidc' });
      return provisioned;
    });
    this.cache.clear();
    const sid = typeof idClaims.sid === 'string' ? idClaims.sid : null;
    const signedIn = await this.auth.openSession(ctx, user, userAgent, { sid });
    return { signedIn, returnTo: pending.returnTo };
  }

  /** OIDC Back-Channel Logout 1.0: ends the Kontor sessions of the provider session (`sid`) or account (`sub`). */
  async backchannelLogout(logoutToken: string): Promise<void> {
    const { sid, sub } = await verifyLogoutToken(this.#provider, this.settings, logoutToken);
    await this.platform.transaction(async (trx) => {
      const db: IdentityDb = trx.withTables();
      const userId = sub && (await oidcRepository.linkedUserId(db, this.settings.issuer, sub));
      if (sid) await oidcRepository.endSessions(db, { sid });
      else if (userId) await oidcRepository.endSessions(db, { userId });
      // Other hub instances drop their cached callers too.
      await Outbox.add(trx, IDENTITY_TOPICS.users, { by: 'oidc' });
    });
    this.cache.clear();
  }

  /** Users are the hub's to create and change (workstations replicate them), so SSO signs people in on the hub only. */
  #onHub() {
    return this.platform.node.role === 'server';
  }

  /**
   * Keycloak puts roles in the access token, a JWT signed like the ID token. Its claims count only once its
   * signature and issuer check out and it was issued to this client (`azp`); an opaque token adds nothing.
   */
  async #accessTokenClaims(accessToken: string): Promise<Record<string, unknown>> {
    if (accessToken.split('.').length !== 3) return {};
    const claims = await this.#provider.verifiedClaims(accessToken).catch((error: unknown) => {
      throw signInFailed(`the access token is not valid: ${(error as Error).message}`);
    });
    if (claims.azp !== undefined && claims.azp !== this.settings.clientId) {
      throw signInFailed('the access token was issued to another client');
    }
    return claims;
  }

  #identity(idClaims: client.IDToken, accessClaims: Record<string, unknown>): ProviderIdentity {
    const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
    const username = text(idClaims.preferred_username) ?? text(accessClaims.preferred_username) ?? idClaims.sub;
    const joined = [text(idClaims.given_name), text(idClaims.family_name)].filter(Boolean).join(' ');
    const roles = providerRoles(this.settings.clientId, idClaims, accessClaims);
    return {
      issuer: this.settings.issuer,
      subject: idClaims.sub,
      username,
      displayName: text(idClaims.name) ?? (joined || username),
      email: text(idClaims.email) ?? null,
      roleNames: mappedRoleNames(this.settings.roleMap, roles),
    };
  }
}
