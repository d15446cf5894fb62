import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** How far a signed request's timestamp may lie from now: older ones are replays, later ones a wrong clock. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * Whether a secret someone presented is ours, in time independent of where they differ. Both sides are hashed
 * first, so their lengths are equal and the length of ours is not given away either.
 */
export function sameSecret(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

export type SignatureVerdict = 'valid' | 'missing' | 'malformed' | 'stale' | 'forged';

/**
 * Checks an `X-Kontor-Signature` header (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, the scheme
 * platform/webhooks/signed-post.ts signs with) over the raw bytes received, before anything parses them. Any
 * `v1=` entry that matches will do, so a sender can sign with an old and a new key while rotating.
 */
export function verifySignature(
  secret: string,
  header: string | undefined,
  body: Buffer,
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureVerdict {
  if (!header) return 'missing';
  const parts = header.split(',').map((part) => part.trim().split('='));
  const timestamp = Number(parts.find(([key]) => key === 't')?.[1]);
  const candidates = parts.flatMap(([key, value]) =>
    key === 'v1' && /^[0-9a-f]{64}$/i.test(value ?? '') ? [value] : [],
  );
  if (!Number.isInteger(timestamp) || candidates.length === 0) return 'malformed';
  if (Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return 'stale';
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
  const matches = candidates.filter((value) => timingSafeEqual(Buffer.from(value as string, 'hex'), expected));
  return matches.length > 0 ? 'valid' : 'forged';
}
