import { randomUUID } from 'node:crypto';
import type { CrmClientInput, CrmClientPatch } from '@kontor/contracts';
import type { Updateable } from 'kysely';
import type { RequestContext } from '../../platform/context.js';
import { notFound } from '../../platform/http/errors.js';
import type { Db, Platform } from '../../platform/platform.js';
import { staleVersion, unprocessable } from '../errors.js';
import { byteOrder, foldName, searchWords } from '../text.js';
import { clientsRepository as repo } from './clients-repository.js';
import type {
  ClientPosition,
  ClientRow,
  ClientsDb,
  ClientsTables,
  LegacyClientRecord,
  MigratedVia,
  StoredClient,
} from './clients-tables.js';
import { toCrmClient } from './mappers.js';

export type { ClientPosition, LegacyClientRecord, StoredClient } from './clients-tables.js';

/** The contact fields an input may set, and their columns; an empty one is stored as none. */
const CONTACT_COLUMNS = { email: 'email', phone: 'phone', orgNumber: 'org_number', city: 'city' } as const;

/** The name and its sort key; a name of nothing but marks and spaces folds to nothing and could not be found. */
function nameColumns(name: string) {
  const sortName = foldName(name);
  if (!sortName)
    throw unprocessable('invalid_name', 'The name needs letters or digits', [
      { path: 'body.name', message: 'has no letters or digits' },
    ]);
  return { name, sort_name: sortName };
}

function contactColumns(patch: Partial<CrmClientInput>): Updateable<ClientRow> {
  const changes: Updateable<ClientRow> = {};
  for (const [field, column] of Object.entries(CONTACT_COLUMNS) as [keyof typeof CONTACT_COLUMNS, string][]) {
    const value = patch[field];
    if (value !== undefined) Object.assign(changes, { [column]: value || null });
  }
  return changes;
}

/**
 * Our Clients service (schema crm_clients): the records created here and those moved from the legacy CRM, listed in
 * the same (folded name, ref) order the legacy CRM answers in. Every create and edit is audited.
 */
export class ClientsService {
  readonly #db: ClientsDb;

  constructor(readonly platform: Platform) {
    this.#db = platform.db.withTables();
  }

  /** Clients in (sortName, ref) byte order strictly after `after`; `q`'s words match the folded name, typos forgiven. */
  async page(
    _ctx: RequestContext,
    opts: { q?: string; after?: ClientPosition; limit: number },
  ): Promise<StoredClient[]> {
    const filter = { words: searchWords(opts.q), after: opts.after, limit: opts.limit };
    if (filter.words.length === 0) return repo.page(this.#db, filter);
    return this.#db.transaction().execute((trx) => repo.page(trx, filter));
  }

  async byRefs(_ctx: RequestContext, refs: string[]): Promise<StoredClient[]> {
    return repo.byRefs(this.#db, refs);
  }

  async get(_ctx: RequestContext, ref: string): Promise<StoredClient | undefined> {
    return repo.get(this.#db, ref);
  }

  /** A client of our own: ref `K-<its id>`, version 1. */
  async create(ctx: RequestContext, input: CrmClientInput): Promise<StoredClient> {
    const id = randomUUID();
    return this.platform.transaction(async (trx) => {
      const client = await repo.insert(trx.withTables(), {
        id,
        ref: `K-${id}`,
        legacy_id: null,
        legacy_version: null,
        email: null,
        phone: null,
        org_number: null,
        city: null,
        ...nameColumns(input.name),
        ...contactColumns(input),
        version: 1,
        migrated_at: null,
        migrated_via: null,
      });
      await this.#audit(trx, ctx, 'create', client.ref, undefined, toCrmClient(client));
      return client;
    });
  }

  /**
   * Applies an edit made from `patch.version` and bumps the version. In `trx` when given: the facade moves a record
   * from the legacy CRM and edits it in one transaction.
   */
  async update(ctx: RequestContext, ref: string, patch: CrmClientPatch, trx?: Db): Promise<StoredClient> {
    const edit = async (trx: Db) => {
      const db = trx.withTables<ClientsTables>();
      const before = await repo.lock(db, ref);
      if (!before) throw notFound(`Client ${ref}`);
      if (before.version !== patch.version) throw staleVersion(`Client ${ref}`, before.version);
      const after = await repo.update(db, before.id, {
        ...(patch.name === undefined ? {} : nameColumns(patch.name)),
        ...contactColumns(patch),
        version: before.version + 1,
      });
      await this.#audit(trx, ctx, 'update', ref, toCrmClient(before), toCrmClient(after));
      return after;
    };
    return trx ? edit(trx) : this.platform.transaction(edit);
  }

  /**
   * Moves legacy records in, as they are (ref = legacy id, version = legacy version), in `trx`, with one statement;
   * those already here are skipped, so a retried or concurrent import inserts each once. Returns how many went in.
   * Not audited: an edit that moves a record audits the edit, and the backfill is the migration's own business.
   */
  async importLegacy(trx: Db, records: LegacyClientRecord[], via: MigratedVia): Promise<number> {
    // One order for every importer: two overlapping batches then wait for each other instead of deadlocking.
    const sorted = [...records].sort((a, b) => byteOrder(a.id, b.id));
    return repo.insertNew(
      trx.withTables(),
      sorted.map((record) => ({
        id: randomUUID(),
        ref: record.id,
        legacy_id: record.id,
        legacy_version: record.version,
        name: record.name,
        sort_name: foldName(record.name),
        email: record.email,
        phone: record.phone,
        org_number: record.orgNumber,
        city: record.city,
        version: record.version,
        created_at: record.createdAt,
        updated_at: record.updatedAt,
        migrated_via: via,
      })),
    );
  }

  /** Clients of legacy origin here, and clients made here. */
  async counts(_ctx: RequestContext): Promise<{ migrated: number; createdHere: number }> {
    return repo.counts(this.#db);
  }

  /** Which of these legacy ids are in our service already. */
  async migratedLegacyIds(_ctx: RequestContext, legacyIds: string[]): Promise<Set<string>> {
    return new Set(await repo.legacyIdsIn(this.#db, legacyIds));
  }

  async #audit(trx: Db, ctx: RequestContext, verb: string, ref: string, before: unknown, after: unknown) {
    await this.platform.audit.record(trx, ctx, {
      action: `crm.client.${verb}`,
      entity: 'crm.client',
      entityId: ref,
      before,
      after,
    });
  }
}
