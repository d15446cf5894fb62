import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffMs, RateWindow, TokenBucket } from './pacing.js';

describe('backfill pacing', () => {
  it('keeps a walk at the rate over time, however large its batches', () => {
    let now = 0;
    const bucket = new TokenBucket(100, () => now);
    let records = 0;
    while (now < 60_000) {
      now += bucket.take(200);
      records += 200;
    }
    // A second's allowance may go at once; past it, 100 a second.
    expect(records / (now / 1000)).toBeGreaterThan(95);
    expect(records / (now / 1000)).toBeLessThanOrEqual(105);
  });

  it('lets a batch go at once after an idle spell', () => {
    let now = 0;
    const bucket = new TokenBucket(500, () => now);
    expect(bucket.take(200)).toBe(0);
    now += 10_000;
    expect(bucket.take(200)).toBe(0);
  });

  it('backs off doubling, with jitter, up to a cap', () => {
    expect(backoffMs(1, () => 0)).toBe(250);
    expect(backoffMs(1, () => 1)).toBe(500);
    expect(backoffMs(3, () => 1)).toBe(2000);
    expect(backoffMs(30, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffMs(30, () => 0)).toBe(BACKOFF_CAP_MS / 2);
  });

  it('measures records per second over the last ten seconds', () => {
    let now = 0;
    const rate = new RateWindow(() => now);
    expect(rate.perSecond()).toBe(0);
    for (let i = 0; i < 5; i++) {
      rate.add(100);
      now += 1000;
    }
    expect(rate.perSecond()).toBe(100);
    now += 20_000;
    expect(rate.perSecond()).toBe(0);
  });
});
