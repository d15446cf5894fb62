import type { ShopOrderStatus, ShopPaymentStatus } from './shop-types';

/**
 * What the order page tells the customer coming back from the payment page. The provider's webhook may arrive a
 * moment after the customer does, so "awaiting" is polled until the order is paid, the payment failed, or the wait
 * has gone on long enough that the customer should be told so instead of watching a spinner.
 */
export type OrderProgress = 'awaiting' | 'slow' | 'paid' | 'failed' | 'cancelled' | 'closed';

export interface ProgressInput {
  status: ShopOrderStatus;
  payment: ShopPaymentStatus | null;
  /** The provider sent the customer back with `payment=cancelled`. */
  cancelledByCustomer: boolean;
  /** How long this page has waited for the payment. */
  waitedMs: number;
}

/** After this the page stops asking every few seconds and says the confirmation comes by e-mail. */
export const SLOW_AFTER_MS = 90_000;

export function orderProgress(input: ProgressInput): OrderProgress {
  switch (input.status) {
    case 'paid':
    case 'shipped':
    case 'delivered':
      return 'paid';
    case 'cancelled':
      return 'cancelled';
    case 'returned':
    case 'refunded':
      return 'closed';
    case 'created':
      break;
  }
  // No payment at all: the provider could not be reached at checkout; the order waits to be paid.
  if (input.payment === null || input.payment === 'failed' || input.payment === 'canceled') return 'failed';
  // Back from the provider's cancel link with nothing paid: the customer chose not to pay (yet).
  if (input.cancelledByCustomer && input.payment !== 'authorized' && input.payment !== 'captured') return 'failed';
  return input.waitedMs >= SLOW_AFTER_MS ? 'slow' : 'awaiting';
}

/** How often to ask again: every 2 s at first, then every 10 s; not at all once the answer is final. */
export function pollInterval(progress: OrderProgress, waitedMs: number): number | false {
  if (progress === 'awaiting') return waitedMs < 30_000 ? 2_000 : 5_000;
  if (progress === 'slow') return 10_000;
  return false;
}

/** Only an address of the web may take the browser away (never `javascript:`). */
export function safeRedirect(url: string | null | undefined, base: string): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
