import { stateConflict } from '../errors.js';
import type { ShopOrderStatus } from './orders-tables.js';

/**
 * The order's life (issue 7): created → paid → shipped → delivered; created → cancelled; paid → cancelled (the money
 * goes back first); delivered → returned → refunded. Nothing leaves cancelled or refunded.
 */
export const ORDER_TRANSITIONS: Readonly<Record<ShopOrderStatus, readonly ShopOrderStatus[]>> = {
  created: ['paid', 'cancelled'],
  paid: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: ['returned'],
  returned: ['refunded'],
  cancelled: [],
  refunded: [],
};

export const ORDER_STATUSES = Object.keys(ORDER_TRANSITIONS) as ShopOrderStatus[];

export const canMove = (from: ShopOrderStatus, to: ShopOrderStatus): boolean => ORDER_TRANSITIONS[from].includes(to);

/** The order's column that records when it reached each status. */
export const reachedAtColumn = {
  created: 'created_at',
  paid: 'paid_at',
  shipped: 'shipped_at',
  delivered: 'delivered_at',
  cancelled: 'cancelled_at',
  returned: 'returned_at',
  refunded: 'refunded_at',
} as const satisfies Record<ShopOrderStatus, string>;
export type ReachedAtColumn = (typeof reachedAtColumn)[ShopOrderStatus];

export function badTransition(number: number, from: ShopOrderStatus, to: ShopOrderStatus) {
  const allowed = ORDER_TRANSITIONS[from];
  return stateConflict(
    'bad_transition',
    `Order ${displayNumber(number)} is ${from}; it cannot become ${to}` +
      (allowed.length > 0 ? ` (from ${from} it can become ${allowed.join(' or ')})` : ` (${from} is final)`),
    [{ path: 'status', message: `${from} → ${to} is not allowed` }],
  );
}

/** How people see an order number: on receipts, in e-mails, on the phone with the service desk. */
export const displayNumber = (number: number): string => `WG-${number}`;

/** Reads `WG-100001`, `wg100001` or `100001` as the number 100001; anything else is not an order number. */
export function parseDisplayNumber(text: string): number | undefined {
  const match = /^(?:wg-?)?(\d{1,12})$/i.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}
