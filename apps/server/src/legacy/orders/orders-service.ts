import { randomUUID } from 'node:crypto';
import type { CrmOrderInput } from '@kontor/contracts';
import type { Updateable } from 'kysely';
import type { RequestContext } from '../../platform/context.js';
import { notFound } from '../../platform/http/errors.js';
import type { Db, Platform } from '../../platform/platform.js';
import type { MigratedVia } from '../clients/clients-tables.js';
import { staleVersion } from '../errors.js';
import { byteOrder, foldName, searchWords } from '../text.js';
import { toCrmOrder } from './mappers.js';
import { ordersRepository as repo } from './orders-repository.js';
import type {
  CrmOrderPatch,
  LegacyOrderRecord,
  OrderFilter,
  OrderPosition,
  OrderRow,
  OrdersDb,
  OrdersTables,
  StoredOrder,
} from './orders-tables.js';

export type {
  CrmOrderPatch,
  LegacyOrderRecord,
  OrderFilter,
  OrderPosition,
  StoredOrder,
} from './orders-tables.js';

/** What searches match: the number and the text, folded like names. */
const searchText = (number: string, text: string) => foldName(`${number} ${text}`);

/** Our own orders are numbered K-000001 on; legacy numbers keep their own form. */
const ourNumber = (sequence: number) => `K-${String(sequence).padStart(6, '0')}`;

/**
 * Our Orders service (schema crm_orders): orders created here and those moved from the legacy CRM, newest first in
 * the same (ordered at, ref) order the legacy CRM answers in. An order names its client by ref only: the client
 * may still live in the legacy CRM, so the facade resolves it. Every create and edit is audited.
 */
export class OrdersService {
  readonly #db: OrdersDb;

  constructor(readonly platform: Platform) {
    this.#db = platform.db.withTables();
  }

  /** Orders in (orderedAt, ref) descending byte order strictly before `before`; days are the organisation's. */
  async page(
    _ctx: RequestContext,
    opts: OrderFilter & { before?: OrderPosition; limit: number },
  ): Promise<StoredOrder[]> {
    return repo.page(this.#db, {
      clientRef: opts.client,
      words: searchWords(opts.q),
      status: opts.status,
      from: opts.from,
      to: opts.to,
      timeZone: this.platform.config.timeZone,
      before: opts.before,
      limit: opts.limit,
    });
  }

  async byRefs(_ctx: RequestContext, refs: string[]): Promise<StoredOrder[]> {
    return repo.byRefs(this.#db, refs);
  }

  async get(_ctx: RequestContext, ref: string): Promise<StoredOrder | undefined> {
    return repo.get(this.#db, ref);
  }

  /** An order of our own: ref `K-<its id>`, number K- and the next six digits, version 1, placed now unless told. */
  async create(ctx: RequestContext, input: CrmOrderInput): Promise<StoredOrder> {
    const id = randomUUID();
    return this.platform.transaction(async (trx) => {
      const db = trx.withTables<OrdersTables>();
      const number = ourNumber(await repo.nextNumber(db));
      const order = await repo.insert(db, {
        id,
        ref: `K-${id}`,
        legacy_id: null,
        legacy_version: null,
        number,
        client_ref: input.clientRef,
        text: input.text,
        search_text: searchText(number, input.text),
        status: input.status,
        amount_minor: input.amountMinor,
        currency: input.currency,
        ordered_at: input.orderedAt ?? new Date(),
        version: 1,
        migrated_at: null,
        migrated_via: null,
      });
      await this.#audit(trx, ctx, 'create', order.ref, undefined, toCrmOrder(order, null));
      return order;
    });
  }

  /**
   * Applies an edit made from `patch.version` and bumps the version. In `trx` when given: the facade moves a record
   * from the legacy CRM and edits it in one transaction.
   */
  async update(ctx: RequestContext, ref: string, patch: CrmOrderPatch, trx?: Db): Promise<StoredOrder> {
    const edit = async (trx: Db) => {
      const db = trx.withTables<OrdersTables>();
      const before = await repo.lock(db, ref);
      if (!before) throw notFound(`Order ${ref}`);
      if (before.version !== patch.version) throw staleVersion(`Order ${ref}`, before.version);
      const changes: Updateable<OrderRow> = { version: before.version + 1 };
      if (patch.text !== undefined) {
        changes.text = patch.text;
        changes.search_text = searchText(before.number, patch.text);
      }
      if (patch.status !== undefined) changes.status = patch.status;
      if (patch.amountMinor !== undefined) changes.amount_minor = patch.amountMinor;
      const after = await repo.update(db, before.id, changes);
      await this.#audit(trx, ctx, 'update', ref, toCrmOrder(before, null), toCrmOrder(after, null));
      return after;
    };
    return trx ? edit(trx) : this.platform.transaction(edit);
  }

  /**
   * Moves legacy records in, as they are (ref = legacy id, version = legacy version), in `trx`, with one statement;
   * those already here are skipped, so a retried or concurrent import inserts each once. Returns how many went in.
   * A legacy order has no creation time of its own: it was made when it was placed. Not audited (as for clients).
   */
  async importLegacy(trx: Db, records: LegacyOrderRecord[], via: MigratedVia): Promise<number> {
    // One order for every importer: two overlapping batches then wait for each other instead of deadlocking.
    const sorted = [...records].sort((a, b) => byteOrder(a.id, b.id));
    return repo.insertNew(
      trx.withTables(),
      sorted.map((record) => ({
        id: randomUUID(),
        ref: record.id,
        legacy_id: record.id,
        legacy_version: record.version,
        number: record.number,
        client_ref: record.clientId,
        text: record.text,
        search_text: searchText(record.number, record.text),
        status: record.status,
        amount_minor: record.amountMinor,
        currency: record.currency,
        ordered_at: record.orderedAt,
        version: record.version,
        created_at: record.orderedAt,
        updated_at: record.updatedAt,
        migrated_via: via,
      })),
    );
  }

  /** Orders of legacy origin here, and orders made here. */
  async counts(_ctx: RequestContext): Promise<{ migrated: number; createdHere: number }> {
    return repo.counts(this.#db);
  }

  /** Which of these legacy ids are in our service already. */
  async migratedLegacyIds(_ctx: RequestContext, legacyIds: string[]): Promise<Set<string>> {
    return new Set(await repo.legacyIdsIn(this.#db, legacyIds));
  }

  async #audit(trx: Db, ctx: RequestContext, verb: string, ref: string, before: unknown, after: unknown) {
    await this.platform.audit.record(trx, ctx, {
      action: `crm.order.${verb}`,
      entity: 'crm.order',
      entityId: ref,
      before,
      after,
    });
  }
}
