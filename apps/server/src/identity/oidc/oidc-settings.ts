import type { KontorConfig } from '../../config.js';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  /** Provider role (`realm:<role>` / `client:<role>`) → the Kontor role names it grants. */
  roleMap: ReadonlyMap<string, readonly string[]>;
  buttonLabel: string;
}

/** The node's OIDC settings, or null when no provider is configured (SSO is off). */
export function oidcSettings(config: KontorConfig): OidcSettings | null {
  if (!config.oidcIssuer) return null;
  return {
    // Keycloak's issuer has no trailing slash; tolerate one in the setting so `iss` still compares equal.
    issuer: config.oidcIssuer.replace(/\/+$/, ''),
    clientId: config.oidcClientId,
    clientSecret: config.oidcClientSecret,
    roleMap: new Map(
      Object.entries(config.oidcRoleMap).map(([providerRole, names]) => [
        providerRole,
        typeof names === 'string' ? [names] : names,
      ]),
    ),
    buttonLabel: config.oidcButtonLabel,
  };
}
