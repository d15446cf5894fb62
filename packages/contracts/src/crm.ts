// The CRM's clients and orders API (docs/legacy.md): our own Clients and Orders services behind the facade that
// migrates records from the legacy CRM as they are edited, and the migration's state (backfill, switches, checks).
import { z } from 'zod';

const shortText = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Where a record the facade answers with lives now. */
export const crmSources = ['ours', 'legacy'] as const;
export const crmSource = z.enum(crmSources);
export type CrmSource = z.infer<typeof crmSource>;

export const crmClient = z.object({
  /**
   * The record's stable key across both systems: the legacy id for a record that came from (or still lives in)
   * the legacy CRM, `K-<uuid>` for one created in Kontor. Edits, order references and de-duplication use it.
   */
  ref: z.string(),
  /** Our service's id, once the record is in our service; null while it lives only in the legacy CRM. */
  id: z.uuid().nullable(),
  legacyId: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  orgNumber: z.string().nullable(),
  city: z.string().nullable(),
  /** Our version (optimistic concurrency for edits), or the legacy CRM's for a legacy-only record. */
  version: z.number().int(),
  source: crmSource,
  updatedAt: z.string(),
});
export type CrmClient = z.infer<typeof crmClient>;

export const crmClientInput = z.strictObject({
  name: shortText(200),
  email: z.email().max(254).nullable().optional(),
  phone: optionalText(40),
  orgNumber: optionalText(20),
  city: optionalText(100),
});
export type CrmClientInput = z.infer<typeof crmClientInput>;

/** An edit: the fields to change, and the version the editor saw (a stale one is refused with 409). */
export const crmClientPatch = crmClientInput.partial().extend({ version: z.number().int().min(1) });
export type CrmClientPatch = z.infer<typeof crmClientPatch>;

export const crmRefParams = z.strictObject({ ref: z.string().trim().min(1).max(60) });

/** A page of an answer merged from both sources. */
const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    /** Opaque; pass as `cursor` for the next page; null on the last page. */
    nextCursor: z.string().nullable(),
    /**
     * True when the legacy CRM did not answer in time (or failed): the page holds our records and what the cache
     * still had of the legacy CRM's, so records may be missing from it.
     */
    partial: z.boolean(),
  });

export const crmClientQuery = z.strictObject({
  /** Words of the name; case and diacritics do not matter (Åsa finds asa), small typos are forgiven. */
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CrmClientQuery = z.infer<typeof crmClientQuery>;

export const crmClientPage = page(crmClient);
export type CrmClientPage = z.infer<typeof crmClientPage>;

export const crmOrderStatuses = ['new', 'in_progress', 'done', 'cancelled'] as const;
export const crmOrderStatus = z.enum(crmOrderStatuses);
export type CrmOrderStatus = z.infer<typeof crmOrderStatus>;

export const crmOrder = z.object({
  ref: z.string(),
  id: z.uuid().nullable(),
  legacyId: z.string().nullable(),
  /** The order number people quote (legacy numbers are kept as they were). */
  number: z.string(),
  /** The client's `ref`, resolved through the facade. */
  clientRef: z.string(),
  clientName: z.string().nullable(),
  text: z.string(),
  status: crmOrderStatus,
  amountMinor: z.number().int(),
  currency: z.string().length(3),
  orderedAt: z.string(),
  version: z.number().int(),
  source: crmSource,
  updatedAt: z.string(),
});
export type CrmOrder = z.infer<typeof crmOrder>;

export const crmOrderInput = z.strictObject({
  clientRef: z.string().trim().min(1).max(60),
  text: shortText(2000),
  status: crmOrderStatus.default('new'),
  amountMinor: z.number().int().min(0).max(1_000_000_000_00),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as SEK')
    .default('SEK'),
  /** When the order was placed; now when left out. */
  orderedAt: z.iso.datetime({ offset: true }).optional(),
});
export type CrmOrderInput = z.infer<typeof crmOrderInput>;

export const crmOrderQuery = z.strictObject({
  /** Only this client's orders (its `ref`). */
  client: z.string().trim().min(1).max(60).optional(),
  /** Words of the order's number or text. */
  q: z.string().trim().max(200).optional(),
  status: crmOrderStatus.optional(),
  /** Placed on or after this day (YYYY-MM-DD, Europe/Stockholm). */
  from: z.iso.date().optional(),
  /** Placed on or before this day (YYYY-MM-DD, Europe/Stockholm). */
  to: z.iso.date().optional(),
  cursor: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CrmOrderQuery = z.infer<typeof crmOrderQuery>;

export const crmOrderPage = page(crmOrder);
export type CrmOrderPage = z.infer<typeof crmOrderPage>;

export const crmEntities = ['clients', 'orders'] as const;
export const crmEntity = z.enum(crmEntities);
export type CrmEntity = z.infer<typeof crmEntity>;

export const crmBackfillStates = ['idle', 'running', 'paused', 'done', 'failed'] as const;

export const crmEntityMigration = z.object({
  entity: crmEntity,
  /** Records in the legacy CRM at the last count (null when it could not be asked). */
  legacyTotal: z.number().int().nullable(),
  /** Records of legacy origin now in our service (by an edit or by the backfill). */
  migrated: z.number().int(),
  /** Legacy records not yet in our service: legacyTotal − migrated (null when legacyTotal is). */
  pending: z.number().int().nullable(),
  /** Records the backfill could not migrate (see `failures`). */
  failed: z.number().int(),
  /** Records created in Kontor (never in the legacy CRM). */
  createdHere: z.number().int(),
  backfill: z.object({
    state: z.enum(crmBackfillStates),
    startedAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    /** Records the current or last run went through, of `legacyTotal`. */
    processed: z.number().int(),
    ratePerSecond: z.number(),
    lastError: z.string().nullable(),
  }),
  /** Reads and writes no longer reach the legacy CRM for this entity (allowed once nothing is pending). */
  legacyOff: z.boolean(),
  failures: z.array(z.object({ legacyId: z.string(), error: z.string(), at: z.string() })),
});
export type CrmEntityMigration = z.infer<typeof crmEntityMigration>;

export const crmConsistencyReport = z.object({
  id: z.uuid(),
  entity: crmEntity,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  checked: z.number().int(),
  /** Legacy records not in our service yet. */
  missing: z.number().int(),
  /** Migrated records whose legacy copy changed after migration, or differs in a field we did not edit. */
  differences: z.array(
    z.object({
      legacyId: z.string(),
      fields: z.array(z.object({ field: z.string(), ours: z.string().nullable(), legacy: z.string().nullable() })),
    }),
  ),
});
export type CrmConsistencyReport = z.infer<typeof crmConsistencyReport>;

export const crmMigrationStatus = z.object({
  /** False when no legacy CRM is configured (`legacyCrmUrl`): only our services answer. */
  legacyConfigured: z.boolean(),
  entities: z.array(crmEntityMigration),
  cache: z.object({
    backend: z.enum(['redis', 'memory']),
    hits: z.number().int(),
    misses: z.number().int(),
    hitRatio: z.number().nullable(),
  }),
  legacy: z.object({
    requests: z.number().int(),
    errors: z.number().int(),
    timeouts: z.number().int(),
    /** Median and 95th percentile of the legacy CRM's answers, ms (null before the first). */
    latencyP50Ms: z.number().nullable(),
    latencyP95Ms: z.number().nullable(),
  }),
  lastConsistencyReports: z.array(crmConsistencyReport),
});
export type CrmMigrationStatus = z.infer<typeof crmMigrationStatus>;

export const crmBackfillCommand = z.strictObject({ action: z.enum(['start', 'pause']) });
export const crmLegacySwitch = z.strictObject({ legacyOff: z.boolean() });
export const crmEntityParams = z.strictObject({ entity: crmEntity });
