import { createRemoteJWKSet, type JWTPayload, type JWTVerifyOptions, jwtVerify } from 'jose';
import * as client from 'openid-client';
import type { Logger } from 'pino';
import { AppError } from '../../platform/http/errors.js';
import type { OidcSettings } from './oidc-settings.js';

interface Connected {
  configuration: client.Configuration;
  keys: ReturnType<typeof createRemoteJWKSet>;
}

export const providerUnavailable = () =>
  new AppError(503, 'identity.oidc_unavailable', 'The single sign-on provider cannot be reached; try again later');

/**
 * The OIDC provider as discovered from `<issuer>/.well-known/openid-configuration`: discovered on first use and
 * again after a failure, so a node starts even while the provider is down.
 */
export class ProviderConnection {
  #connected: Promise<Connected> | undefined;

  constructor(
    private readonly settings: OidcSettings,
    private readonly logger: Logger,
  ) {}

  async configuration(): Promise<client.Configuration> {
    return (await this.#connect()).configuration;
  }

  /** A JWT's claims once its signature checks out against the provider's published keys and its issuer matches. */
  async verifiedClaims(jwt: string, options: Omit<JWTVerifyOptions, 'issuer'> = {}): Promise<JWTPayload> {
    const { keys } = await this.#connect();
    const { payload } = await jwtVerify(jwt, keys, { ...options, issuer: this.settings.issuer });
    return payload;
  }

  #connect(): Promise<Connected> {
    this.#connected ??= this.#discover().catch((error: unknown) => {
      this.#connected = undefined;
      this.logger.warn({ err: error, issuer: this.settings.issuer }, 'OIDC discovery failed');
      throw providerUnavailable();
    });
    return this.#connected;
  }

  async #discover(): Promise<Connected> {
    const { issuer, clientId, clientSecret } = this.settings;
    // Plain HTTP is for a provider on the same host or private network (development, tests, compose).
    const insecure = issuer.startsWith('http:') ? [client.allowInsecureRequests] : [];
    const configuration = await client.discovery(
      new URL(issuer),
      clientId,
      undefined,
      clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(),
      // ID tokens are trusted for their signature, not only for arriving over the back channel.
      { execute: [...insecure, client.enableNonRepudiationChecks] },
    );
    const jwksUri = configuration.serverMetadata().jwks_uri;
    if (!jwksUri) throw new Error(`${issuer} publishes no jwks_uri`);
    return { configuration, keys: createRemoteJWKSet(new URL(jwksUri)) };
  }
}
