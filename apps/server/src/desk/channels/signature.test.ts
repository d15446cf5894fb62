import { describe, expect, it } from 'vitest';
import { signatureHeader as signString } from '../../platform/webhooks/signed-post.js';
import { sameSecret, verifySignature } from './signature.js';

const signatureHeader = (key: string, bytes: Buffer, timestamp: number) =>
  signString(key, bytes.toString('utf8'), timestamp);

const secret = 'a-shared-secret-of-the-gateway';
const body = Buffer.from('{"id":"m1","text":"Привет"}');
const now = 1_800_000_000;

describe('channel signatures', () => {
  it('accepts what it signed, over the same bytes and within five minutes', () => {
    expect(verifySignature(secret, signatureHeader(secret, body, now), body, now)).toBe('valid');
    expect(verifySignature(secret, signatureHeader(secret, body, now - 299), body, now)).toBe('valid');
  });

  it('refuses a changed body, another key, an old or far-future timestamp, and nonsense', () => {
    const header = signatureHeader(secret, body, now);
    expect(verifySignature(secret, header, Buffer.from('{"id":"m1","text":"Hej"}'), now)).toBe('forged');
    expect(verifySignature('another-secret-altogether', header, body, now)).toBe('forged');
    expect(verifySignature(secret, signatureHeader(secret, body, now - 301), body, now)).toBe('stale');
    expect(verifySignature(secret, signatureHeader(secret, body, now + 301), body, now)).toBe('stale');
    expect(verifySignature(secret, undefined, body, now)).toBe('missing');
    expect(verifySignature(secret, 'v1=abc', body, now)).toBe('malformed');
    expect(verifySignature(secret, `t=${now},v1=zz`, body, now)).toBe('malformed');
  });

  it('compares presented secrets whatever their length', () => {
    expect(sameSecret('token-1234567890', 'token-1234567890')).toBe(true);
    expect(sameSecret('token', 'token-1234567890')).toBe(false);
    expect(sameSecret(undefined, 'token-1234567890')).toBe(false);
  });
});
