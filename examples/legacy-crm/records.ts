// The legacy CRM's records as its API answers them, and how its ids and order numbers are made.

export const ORDER_STATUSES = ['new', 'in_progress', 'done', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface Client {
  id: string;
  version: number;
  name: string;
  email: string | null;
  phone: string | null;
  orgNumber: string | null;
  city: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Order {
  id: string;
  version: number;
  number: string;
  clientId: string;
  text: string;
  status: OrderStatus;
  amountMinor: number;
  currency: string;
  orderedAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  hasMore: boolean;
}

/**
 * Ids are fixed-width, so their byte order is their creation order: `C000123` (clients), `O0001234` (orders).
 * The SQL of the bulk seed makes the same strings (seed.ts).
 */
export const CLIENT_ID_DIGITS = 6;
export const ORDER_ID_DIGITS = 7;
export const MAX_CLIENTS = 10 ** CLIENT_ID_DIGITS - 1;
export const MAX_ORDERS = 10 ** ORDER_ID_DIGITS - 1;
export const ORDER_NUMBER_PREFIX = 'A-';
export const ORDER_NUMBER_BASE = 100_000;

export const clientId = (no: number) => `C${String(no).padStart(CLIENT_ID_DIGITS, '0')}`;
export const orderId = (no: number) => `O${String(no).padStart(ORDER_ID_DIGITS, '0')}`;
export const orderNumber = (no: number) => `${ORDER_NUMBER_PREFIX}${ORDER_NUMBER_BASE + no}`;
