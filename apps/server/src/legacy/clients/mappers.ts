import type { CrmClient } from '@kontor/contracts';
import type { LegacyClientRecord, StoredClient } from './clients-tables.js';

/** A client of our service as the CRM API shows it. */
export const toCrmClient = (client: StoredClient): CrmClient => ({
  ref: client.ref,
  id: client.id,
  legacyId: client.legacyId,
  name: client.name,
  email: client.email,
  phone: client.phone,
  orgNumber: client.orgNumber,
  city: client.city,
  version: client.version,
  source: 'ours',
  updatedAt: client.updatedAt.toISOString(),
});

/** A client that lives only in the legacy CRM, as the CRM API shows it: its legacy id is its ref. */
export const legacyToCrmClient = (record: LegacyClientRecord): CrmClient => ({
  ref: record.id,
  id: null,
  legacyId: record.id,
  name: record.name,
  email: record.email,
  phone: record.phone,
  orgNumber: record.orgNumber,
  city: record.city,
  version: record.version,
  source: 'legacy',
  updatedAt: record.updatedAt,
});
