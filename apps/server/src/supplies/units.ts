import type { OrderingUnit } from '@kontor/contracts';
import { directoryUnits } from '../directory/index.js';
import type { Db } from '../platform/platform.js';

/** The directory's units as ordering sees them: a name and the path down to it ("Region / Sjukhus / Avd 3"). */
export class UnitNames {
  constructor(private readonly db: Db) {}

  async all(): Promise<Map<string, OrderingUnit>> {
    const units = await directoryUnits(this.db);
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
