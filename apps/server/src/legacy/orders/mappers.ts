import type { CrmOrder } from '@kontor/contracts';
import type { LegacyOrderRecord, StoredOrder } from './orders-tables.js';

/** An order of our service as the CRM API shows it; the client's name comes from wherever the client lives. */
export const toCrmOrder = (order: StoredOrder, clientName: string | null): CrmOrder => ({
  ref: order.ref,
  id: order.id,
  legacyId: order.legacyId,
  number: order.number,
  clientRef: order.clientRef,
  clientName,
  text: order.text,
  status: order.status,
  amountMinor: order.amountMinor,
  currency: order.currency,
  orderedAt: order.orderedAt.toISOString(),
  version: order.version,
  source: 'ours',
  updatedAt: order.updatedAt.toISOString(),
});

/** An order that lives only in the legacy CRM, as the CRM API shows it: its legacy id is its ref. */
export const legacyToCrmOrder = (record: LegacyOrderRecord, clientName: string | null): CrmOrder => ({
  ref: record.id,
  id: null,
  legacyId: record.id,
  number: record.number,
  clientRef: record.clientId,
  clientName,
  text: record.text,
  status: record.status,
  amountMinor: record.amountMinor,
  currency: record.currency,
  orderedAt: record.orderedAt,
  version: record.version,
  source: 'legacy',
  updatedAt: record.updatedAt,
});
