import { describe, expect, it } from 'vitest';
import { orderProgress, pollInterval, SLOW_AFTER_MS, safeRedirect } from './order-progress';

const base = { status: 'created' as const, payment: 'pending' as const, cancelledByCustomer: false, waitedMs: 0 };

describe('orderProgress', () => {
  it('waits for the webhook while the order is created and the payment open', () => {
    expect(orderProgress(base)).toBe('awaiting');
    expect(orderProgress({ ...base, payment: 'requires_action' })).toBe('awaiting');
    expect(orderProgress({ ...base, payment: 'authorized' })).toBe('awaiting');
  });

  it('says so when the wait grows long', () => {
    expect(orderProgress({ ...base, waitedMs: SLOW_AFTER_MS })).toBe('slow');
  });

  it('is paid once the order is paid or further', () => {
    expect(orderProgress({ ...base, status: 'paid', payment: 'captured' })).toBe('paid');
    expect(orderProgress({ ...base, status: 'shipped' })).toBe('paid');
  });

  it('offers to pay when no payment was started (the provider was down at checkout)', () => {
    expect(orderProgress({ ...base, payment: null })).toBe('failed');
  });

  it('failed when the provider says so, or the customer cancelled at the provider', () => {
    expect(orderProgress({ ...base, payment: 'failed' })).toBe('failed');
    expect(orderProgress({ ...base, payment: 'canceled' })).toBe('failed');
    expect(orderProgress({ ...base, cancelledByCustomer: true })).toBe('failed');
  });

  it('trusts a captured payment over the cancel link', () => {
    expect(orderProgress({ ...base, cancelledByCustomer: true, payment: 'captured' })).toBe('awaiting');
  });

  it('knows cancelled and closed orders', () => {
    expect(orderProgress({ ...base, status: 'cancelled' })).toBe('cancelled');
    expect(orderProgress({ ...base, status: 'refunded' })).toBe('closed');
  });
});

describe('pollInterval', () => {
  it('asks often at first, then less, then not at all', () => {
    expect(pollInterval('awaiting', 0)).toBe(2_000);
    expect(pollInterval('awaiting', 60_000)).toBe(5_000);
    expect(pollInterval('slow', 120_000)).toBe(10_000);
    expect(pollInterval('paid', 0)).toBe(false);
    expect(pollInterval('failed', 0)).toBe(false);
  });
});

describe('safeRedirect', () => {
  const page = 'http://shop.example/shop/checkout';
  it('takes web addresses, relative ones made absolute', () => {
    expect(safeRedirect('https://pay.example/c/1', page)).toBe('https://pay.example/c/1');
    expect(safeRedirect('/shop/orders/1?token=x', page)).toBe('http://shop.example/shop/orders/1?token=x');
  });

  it('refuses scripts and nothing', () => {
    expect(safeRedirect('javascript:alert(1)', page)).toBeNull();
    expect(safeRedirect(null, page)).toBeNull();
    expect(safeRedirect('', page)).toBeNull();
  });
});
