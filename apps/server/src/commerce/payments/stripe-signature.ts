import { createHmac, timingSafeEqual } from 'node:crypto';

/** Stripe's default: an event signed more than five minutes from now is a replay (or a wrong clock). */
export const STRIPE_TOLERANCE_SECONDS = 300;

export type StripeSignatureVerdict = 'valid' | 'missing' | 'malformed' | 'stale' | 'forged';

export const stripeSignature = (secret: string, timestamp: number, rawBody: Buffer | string): string =>
  createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');

/** The `Stripe-Signature` header a sender puts on `rawBody`: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const stripeSignatureHeader = (
  secret: string,
  rawBody: Buffer | string,
  timestamp = Math.floor(Date.now() / 1000),
) => `t=${timestamp},v1=${stripeSignature(secret, timestamp, rawBody)}`;

/**
 * Checks a `Stripe-Signature` header over the exact bytes received, before anything parses them: HMAC-SHA256 of
 * `<t>.<body>` with the endpoint's secret, compared in constant time. Any `v1` entry may match (Stripe sends two
 * while a secret is rolled); `v0` and other schemes are ignored, as Stripe's libraries do.
 */
export function verifyStripeSignature(
  secret: string,
  header: string | undefined,
  rawBody: Buffer,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = STRIPE_TOLERANCE_SECONDS,
): StripeSignatureVerdict {
  if (!header) return 'missing';
  const entries = header.split(',').map((part) => {
    const at = part.indexOf('=');
    return at < 0 ? ['', ''] : [part.slice(0, at).trim(), part.slice(at + 1).trim()];
  });
  const timestamps = entries.filter(([key]) => key === 't').map(([, value]) => value ?? '');
  const timestamp = timestamps.length === 1 && /^\d{1,12}$/.test(timestamps[0] ?? '') ? Number(timestamps[0]) : NaN;
  const candidates = entries.filter(([key, value]) => key === 'v1' && /^[0-9a-f]{64}$/i.test(value ?? ''));
  if (!Number.isInteger(timestamp) || candidates.length === 0) return 'malformed';
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return 'stale';
  const expected = Buffer.from(stripeSignature(secret, timestamp, rawBody), 'hex');
  let matched = false;
  // Every candidate is compared, so the time taken does not say which one matched.
  for (const [, value] of candidates) {
    if (timingSafeEqual(Buffer.from(value ?? '', 'hex'), expected)) matched = true;
  }
  return matched ? 'valid' : 'forged';
}
