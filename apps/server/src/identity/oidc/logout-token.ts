import { AppError } from '../../platform/http/errors.js';
import type { OidcSettings } from './oidc-settings.js';
import type { ProviderConnection } from './provider-connection.js';

const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

const invalidLogoutToken = (reason: string) =>
  new AppError(400, 'identity.invalid_logout_token', `The logout token is not valid: ${reason}`);

/**
 * Checks a logout token as OIDC Back-Channel Logout 1.0 (section 2.6) says: signed by the provider's key, from
 * its issuer, for this client, recently issued, carrying the logout event, `sid` or `sub`, and no `nonce`.
 * Returns whom it logs out.
 */
export async function verifyLogoutToken(
  provider: ProviderConnection,
  settings: OidcSettings,
  token: string,
): Promise<{ sid?: string; sub?: string }> {
  const claims = await provider
    .verifiedClaims(token, { audience: settings.clientId, requiredClaims: ['iat'], maxTokenAge: '10 minutes' })
    .catch((error: unknown) => {
      if (error instanceof AppError) throw error;
      throw invalidLogoutToken((error as Error).message);
    });
  const events = claims.events as Record<string, unknown> | undefined;
  const event = events?.[BACKCHANNEL_LOGOUT_EVENT];
  if (!event || typeof event !== 'object') throw invalidLogoutToken('it carries no logout event');
  if (claims.nonce !== undefined) throw invalidLogoutToken('it carries a nonce, as only an ID token may');
  const sid = typeof claims.sid === 'string' ? claims.sid : undefined;
  const sub = typeof claims.sub === 'string' ? claims.sub : undefined;
  if (!sid && !sub) throw invalidLogoutToken('it names neither a session (sid) nor a user (sub)');
  return { sid, sub };
}
