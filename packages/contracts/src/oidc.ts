import { z } from 'zod';

/** What the sign-in page needs to know about single sign-on (GET /api/auth/oidc). */
export const oidcStatus = z.object({
  configured: z.boolean(),
  /** The provider's name on the button: "Sign in with <label>". */
  buttonLabel: z.string().nullable(),
  /** Password sign-in is refused for everyone but the built-in admin. */
  localLoginDisabled: z.boolean(),
});
export type OidcStatus = z.infer<typeof oidcStatus>;

export const oidcLoginQuery = z.object({
  /** A path of this site to return to once signed in; anything else means `/`. */
  returnTo: z.string().max(2000).optional(),
});

/** The provider's answer to the authorization request, as the redirect brings it (RFC 6749 4.1.2, RFC 9207). */
export const oidcCallbackQuery = z.looseObject({
  code: z.string().optional(),
  state: z.string().optional(),
  iss: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});

export const backchannelLogoutBody = z.object({ logout_token: z.string().min(1).max(16_384) });
