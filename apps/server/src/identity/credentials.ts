import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'kontor_session';
const TOKEN_PREFIX = 'kontor_';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
export const randomSecret = () => randomBytes(32).toString('base64url');

/** API tokens read `kontor_<token id without dashes>_<secret>`; the id finds the row, the secret proves it. */
export function formatApiToken(id: string, secret: string): string {
  return `${TOKEN_PREFIX}${id.replaceAll('-', '')}_${secret}`;
}

export function parseApiToken(token: string): { id: string; secret: string } | undefined {
  const match = /^kontor_([0-9a-f]{32})_([\w-]{43})$/.exec(token);
  if (!match?.[1] || !match[2]) return undefined;
  const hex = match[1];
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { id, secret: match[2] };
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(sha256(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
