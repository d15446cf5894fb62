import type { OrderingUnit } from '@kontor/contracts';
import { directoryUnits } from '../directory/index.js';
import type { Db } from '../platform/platform.js';

/**
 * The directory's units as ordering sees them: a name and the path down to it ("Region / Sjukhus / Avd 3"). Read
 * on nearly every request and seldom changed, so kept until the directory says it changed (`forget`).
 */
export class UnitNames {
  #cached: Promise<Map<string, OrderingUnit>> | undefined;

  constructor(private readonly db: Db) {}

  /**
   * `db`: the transaction the caller is in, if any. PGlite has one connection: reading through another handle
   * while a transaction holds it would wait for ever.
   */
  all(db: Db = this.db): Promise<Map<string, OrderingUnit>> {
    this.#cached ??= this.#load(db).catch((error: unknown) => {
      this.#cached = undefined;
      throw error;
    });
    return this.#cached;
  }

  forget() {
    this.#cached = undefined;
  }

  async #load(db: Db): Promise<Map<string, OrderingUnit>> {
    const units = await directoryUnits(db);
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    const pathOf = (id: string, seen = new Set<string>()): string => {
      const unit = byId.get(id);
      if (!unit || seen.has(id)) return '';
      seen.add(id);
      const above = unit.parentId ? pathOf(unit.parentId, seen) : '';
      return above ? `${above} / ${unit.name}` : unit.name;
    };
    return new Map(units.map((unit) => [unit.id, { id: unit.id, name: unit.name, path: pathOf(unit.id) }]));
  }
}
