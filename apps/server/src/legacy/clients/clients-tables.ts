import type { ColumnType, Kysely } from 'kysely';

/** Read as a Date, written as one or as ISO text (legacy records bring theirs as text); `now()` by default. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type OptionalTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;

export type MigratedVia = 'edit' | 'backfill';

export interface ClientRow {
  id: string;
  ref: string;
  legacy_id: string | null;
  legacy_version: number | null;
  name: string;
  sort_name: string;
  email: string | null;
  phone: string | null;
  org_number: string | null;
  city: string | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  migrated_at: OptionalTimestamp;
  migrated_via: MigratedVia | null;
}

export type ClientsTables = { 'crm_clients.clients': ClientRow };
export type ClientsDb = Kysely<ClientsTables>;

/** A client in our service. */
export interface StoredClient {
  id: string;
  ref: string;
  legacyId: string | null;
  legacyVersion: number | null;
  name: string;
  sortName: string;
  email: string | null;
  phone: string | null;
  orgNumber: string | null;
  city: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  migratedAt: Date | null;
}

/** Where a walk of the clients list stands: the last one shown. */
export interface ClientPosition {
  sortName: string;
  ref: string;
}

/** A client as the legacy CRM's REST API gives it (docs/legacy.md). */
export interface LegacyClientRecord {
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
