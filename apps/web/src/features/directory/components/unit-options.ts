import type { UnitSummary } from '@kontor/contracts';
import { buildUnitTree, flattenUnitTree } from '../api/unit-tree';

/** Units for a picker, in tree order, indented by depth so the organisation shows through. */
export function unitOptions(units: UnitSummary[], exclude?: string) {
  return flattenUnitTree(buildUnitTree(units))
    .filter(({ unit }) => unit.id !== exclude)
    .map(({ unit, depth }) => ({ value: unit.id, label: `${'\u00a0\u00a0'.repeat(depth)}${unit.name}` }));
}
