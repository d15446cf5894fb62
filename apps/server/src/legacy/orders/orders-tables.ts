import type { CrmOrderStatus } from '@kontor/contracts';
import type { ColumnType, Kysely } from 'kysely';
import type { MigratedVia, OptionalTimestamp, Timestamp } from '../clients/clients-tables.js';

export interface OrderRow {
  id: string;
  ref: string;
  legacy_id: string | null;
  legacy_version: number | null;
  number: string;
  client_ref: string;
  text: string;
  search_text: string;
  status: CrmOrderStatus;
  amount_minor: number;
  currency: string;
  ordered_at: ColumnType<Date, Date | string, Date | string>;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  migrated_at: OptionalTimestamp;
  migrated_via: MigratedVia | null;
}

export type OrdersTables = { 'crm_orders.orders': OrderRow };
export type OrdersDb = Kysely<OrdersTables>;

/** An order in our service. */
export interface StoredOrder {
  id: string;
  ref: string;
  legacyId: string | null;
  legacyVersion: number | null;
  number: string;
  clientRef: string;
  text: string;
  status: CrmOrderStatus;
  amountMinor: number;
  currency: string;
  orderedAt: Date;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  migratedAt: Date | null;
}

/** Where a walk of the orders list stands: the last one shown. */
export interface OrderPosition {
  /** ISO timestamp with milliseconds. */
  orderedAt: string;
  ref: string;
}

/** An order as the legacy CRM's REST API gives it (docs/legacy.md). */
export interface LegacyOrderRecord {
  id: string;
  version: number;
  number: string;
  clientId: string;
  text: string;
  status: CrmOrderStatus;
  amountMinor: number;
  currency: string;
  orderedAt: string;
  updatedAt: string;
}

export interface OrderFilter {
  /** Only this client's orders (its ref). */
  client?: string;
  /** Words of the number or text. */
  q?: string;
  status?: CrmOrderStatus;
  /** YYYY-MM-DD, Europe/Stockholm days. */
  from?: string;
  to?: string;
}

/** An edit: the fields to change, and the version the editor saw. */
export interface CrmOrderPatch {
  text?: string;
  status?: CrmOrderStatus;
  amountMinor?: number;
  version: number;
}
