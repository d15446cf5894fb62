import { randomUUID } from 'node:crypto';
import {
  type OrderingUnit,
  type StandardOrder,
  type StandardOrderInput,
  standardOrderInput,
  type UnitMembers,
} from '@kontor/contracts';
import { activeUsers } from '../identity/index.js';
import type { RequestContext } from '../platform/context.js';
import { Outbox } from '../platform/events/outbox.js';
import { forbidden, notFound } from '../platform/http/errors.js';
import type { Platform } from '../platform/platform.js';
import { catalogRepository } from './catalog-repository.js';
import { membersRepository } from './members-repository.js';
import { checkLines, managesSupplies, mayOrderFor, refuseProblems } from './order-rules.js';
import { type StandardOrderRow, standardOrdersRepository } from './standard-orders-repository.js';
import type { SuppliesDb } from './tables.js';
import type { UnitNames } from './units.js';

/** Live topic: a unit's favourites or standard orders changed. */
export const UNIT_LISTS_TOPIC = 'supplies.lists';

/**
 * What a unit keeps at hand for ordering: its favourite articles and its standard orders ("our usual weekly
 * order"). Shared rows: any workstation of the unit changes them, offline too, and the changes merge.
 */
export class UnitListsService {
  readonly #db: SuppliesDb;

  constructor(
    private readonly platform: Platform,
    private readonly units: UnitNames,
  ) {
    this.#db = platform.db as SuppliesDb;
  }

  /** The units the caller may order for, in Swedish order. */
  async orderingUnits(ctx: RequestContext): Promise<OrderingUnit[]> {
    const all = [...(await this.units.all()).values()];
    const permissions = ctx.actor?.permissions ?? new Set<string>();
    if (managesSupplies(permissions)) return all;
    const mine = new Set(ctx.actor?.userId ? await membersRepository.unitsOf(this.#db, ctx.actor.userId) : []);
    return all.filter((unit) => mine.has(unit.id));
  }

  async favourites(ctx: RequestContext, unitId: string) {
    await this.#mustOrderFor(ctx, unitId);
    return { unitId, articleIds: await catalogRepository.favourites(this.#db, unitId) };
  }

  async setFavourite(ctx: RequestContext, unitId: string, articleId: string, favourite: boolean) {
    await this.#mustOrderFor(ctx, unitId);
    await this.platform.transaction(async (trx) => {
      if (!favourite) await catalogRepository.removeFavourite(trx as SuppliesDb, unitId, articleId);
      else if ((await catalogRepository.byIds(trx as SuppliesDb, [articleId])).length === 0)
        throw notFound('The article');
      else await catalogRepository.addFavourite(trx as SuppliesDb, unitId, articleId);
      await Outbox.add(trx, UNIT_LISTS_TOPIC, { unitId });
    });
    return this.favourites(ctx, unitId);
  }

  async standardOrders(ctx: RequestContext, unitId: string): Promise<StandardOrder[]> {
    await this.#mustOrderFor(ctx, unitId);
    return (await standardOrdersRepository.ofUnit(this.#db, unitId)).map(toStandardOrder);
  }

  async saveStandardOrder(ctx: RequestContext, id: string | undefined, input: StandardOrderInput) {
    const parsed = standardOrderInput.parse(input);
    await this.#mustOrderFor(ctx, parsed.unitId);
    const savedId = id ?? randomUUID();
    await this.platform.transaction(async (trx) => {
      const db = trx as SuppliesDb;
      // Inactive articles may stay on a standard order (they are left out when it fills a cart); unknown ones not.
      const { problems, stored } = await checkLines(db, parsed.lines);
      const fatal = problems.filter((problem) => problem.code !== 'inactive_article');
      refuseProblems(fatal);
      if (id) {
        const existing = await this.#standardOrder(db, id);
        if (existing.unit_id !== parsed.unitId) await this.#mustOrderFor(ctx, existing.unit_id, db);
      }
      const row = { id: savedId, unit_id: parsed.unitId, name: parsed.name, lines: stored };
      if (id) await standardOrdersRepository.update(db, row);
      else await standardOrdersRepository.insert(db, row);
      await Outbox.add(trx, UNIT_LISTS_TOPIC, { unitId: parsed.unitId });
    });
    return toStandardOrder(await this.#standardOrder(this.#db, savedId));
  }

  async deleteStandardOrder(ctx: RequestContext, id: string) {
    await this.platform.transaction(async (trx) => {
      const db = trx as SuppliesDb;
      const existing = await this.#standardOrder(db, id);
      await this.#mustOrderFor(ctx, existing.unit_id, db);
      await standardOrdersRepository.delete(db, id);
      await Outbox.add(trx, UNIT_LISTS_TOPIC, { unitId: existing.unit_id });
    });
  }

  async members(_ctx: RequestContext, unitId: string): Promise<UnitMembers> {
    await this.#mustExist(unitId);
    return {
      unitId,
      userIds: await membersRepository.members(this.#db, unitId),
      candidates: await activeUsers(this.#db),
    };
  }

  /** Who may order for a unit; kept on the hub (reference data), audited. */
  async setMembers(ctx: RequestContext, unitId: string, userIds: string[]) {
    await this.#mustExist(unitId);
    await this.platform.transaction(async (trx) => {
      const db = trx as SuppliesDb;
      const before = await membersRepository.members(db, unitId);
      await membersRepository.setMembers(db, unitId, [...new Set(userIds)]);
      await this.platform.audit.record(trx, ctx, {
        action: 'supplies.unit.members',
        entity: 'directory.unit',
        entityId: unitId,
        before: { userIds: before },
        after: { userIds: await membersRepository.members(db, unitId) },
      });
    });
    return this.members(ctx, unitId);
  }

  /** `db`: the caller's transaction, if it is in one (see UnitNames.all). */
  async #mustExist(unitId: string, db = this.#db) {
    if (!(await this.units.all(db)).has(unitId)) throw notFound('The unit');
  }

  async #mustOrderFor(ctx: RequestContext, unitId: string, db = this.#db) {
    await this.#mustExist(unitId, db);
    const orderer = { userId: ctx.actor?.userId ?? null, permissions: ctx.actor?.permissions ?? new Set<string>() };
    if (!(await mayOrderFor(db, orderer, unitId))) throw forbidden(`supplies.order for this unit`);
  }

  async #standardOrder(db: SuppliesDb, id: string) {
    const row = await standardOrdersRepository.find(db, id);
    if (!row) throw notFound('The standard order');
    return row;
  }
}

function toStandardOrder(row: StandardOrderRow): StandardOrder {
  return {
    id: row.id,
    unitId: row.unit_id,
    name: row.name,
    lines: row.lines,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
