import type { CatalogCategory } from '@kontor/contracts';

export interface CategoryNode {
  category: CatalogCategory;
  children: CategoryNode[];
}

/**
 * Nests categories under their parents, siblings by position. A category whose parent is not in the list is a
 * root rather than lost: the list may be read while another admin deletes its parent.
 */
export function buildCategoryTree(categories: CatalogCategory[]): CategoryNode[] {
  const nodes = new Map(categories.map((category) => [category.id, { category, children: [] as CategoryNode[] }]));
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.category.parentId ? nodes.get(node.category.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: CategoryNode[]) => {
    list.sort((a, b) => a.category.position - b.category.position);
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** The tree depth first, each category with its depth: for indented lists and selects. */
export function flattenCategoryTree(
  tree: CategoryNode[],
  depth = 0,
): Array<{ category: CatalogCategory; depth: number }> {
  return tree.flatMap((node) => [{ category: node.category, depth }, ...flattenCategoryTree(node.children, depth + 1)]);
}

/** The ids of a category and everything below it: where it cannot be moved to. */
export function subtreeIds(categories: CatalogCategory[], id: string): Set<string> {
  const result = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const category of categories) {
      if (category.parentId && result.has(category.parentId) && !result.has(category.id)) {
        result.add(category.id);
        grew = true;
      }
    }
  }
  return result;
}

/** "Båtar › Motorbåtar": a category with its ancestors, in the given language. */
export function categoryPath(categories: CatalogCategory[], id: string, name: (category: CatalogCategory) => string) {
  const byId = new Map(categories.map((category) => [category.id, category]));
  const parts: string[] = [];
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    parts.unshift(name(current));
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return parts.join(' › ');
}
