import { describe, expect, it } from 'vitest';
import { stripeSignature, stripeSignatureHeader, verifyStripeSignature } from './stripe-signature.js';

const secret = 'whsec_test_0123456789';
const body = Buffer.from('{"id":"evt_1","type":"payment_intent.succeeded"}');
const now = 1_760_000_000;

describe('Stripe-Signature', () => {
  it('accepts its own signature, also among other v1 and v0 entries', () => {
    expect(verifyStripeSignature(secret, stripeSignatureHeader(secret, body, now), body, now)).toBe('valid');
    const rolled = `t=${now},v1=${'0'.repeat(64)},v1=${stripeSignature(secret, now, body)},v0=abc`;
    expect(verifyStripeSignature(secret, rolled, body, now)).toBe('valid');
  });

  it('refuses a missing, malformed, old or forged signature', () => {
    expect(verifyStripeSignature(secret, undefined, body, now)).toBe('missing');
    expect(verifyStripeSignature(secret, 'v1=abc', body, now)).toBe('malformed');
    expect(verifyStripeSignature(secret, `t=${now}`, body, now)).toBe('malformed');
    expect(verifyStripeSignature(secret, `t=x,v1=${'a'.repeat(64)}`, body, now)).toBe('malformed');
    expect(verifyStripeSignature(secret, stripeSignatureHeader(secret, body, now - 301), body, now)).toBe('stale');
    expect(verifyStripeSignature(secret, stripeSignatureHeader(secret, body, now + 301), body, now)).toBe('stale');
    expect(verifyStripeSignature(secret, stripeSignatureHeader(secret, body, now - 299), body, now)).toBe('valid');
    expect(verifyStripeSignature(secret, stripeSignatureHeader('whsec_other_secret', body, now), body, now)).toBe(
      'forged',
    );
    const tampered = Buffer.from(body.toString().replace('succeeded', 'failed'));
    expect(verifyStripeSignature(secret, stripeSignatureHeader(secret, body, now), tampered, now)).toBe('forged');
  });
});
