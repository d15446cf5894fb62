import { randomBytes } from 'node:crypto';

/** A new signing secret: 32 random bytes, prefixed so that one found lying around says what it is. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;
