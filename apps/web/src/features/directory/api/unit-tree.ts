import type { UnitSummary } from '@kontor/contracts';

export type UnitTreeNode<T extends UnitSummary = UnitSummary> = T & { children: Array<UnitTreeNode<T>> };

/** Nests the flat list the server sends; siblings keep its (Swedish) order. */
export function buildUnitTree<T extends UnitSummary>(units: T[]): Array<UnitTreeNode<T>> {
  const nodes = new Map(units.map((unit) => [unit.id, { ...unit, children: [] as Array<UnitTreeNode<T>> }]));
  const roots: Array<UnitTreeNode<T>> = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The units in tree order (each followed by its descendants), with their depth: the printed directory's order. */
export function flattenUnitTree<T extends UnitSummary>(
  roots: Array<UnitTreeNode<T>>,
  depth = 0,
): Array<{ unit: UnitTreeNode<T>; depth: number }> {
  return roots.flatMap((unit) => [{ unit, depth }, ...flattenUnitTree(unit.children, depth + 1)]);
}
