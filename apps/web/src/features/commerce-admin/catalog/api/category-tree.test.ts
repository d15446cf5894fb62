import type { CatalogCategory } from '@kontor/contracts';
import { describe, expect, it } from 'vitest';
import { buildCategoryTree, categoryPath, flattenCategoryTree, subtreeIds } from './category-tree';

const category = (id: string, parentId: string | null, sv: string, position: number): CatalogCategory => ({
  id,
  parentId,
  slug: id,
  name: { sv, en: sv },
  description: {},
  seoTitle: {},
  seoDescription: {},
  position,
  productCount: 0,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const categories = [
  category('motors', null, 'Motorer', 1),
  category('props', 'motors', 'Propellrar', 1),
  category('boats', null, 'Båtar', 0),
  category('outboard', 'motors', 'Utombordare', 0),
  category('steel', 'props', 'Rostfria', 0),
  category('lost', 'deleted', 'Föräldralös', 5),
];

describe('category tree', () => {
  it('nests categories under their parents, siblings by position; one whose parent is gone is a root', () => {
    const rows = flattenCategoryTree(buildCategoryTree(categories)).map(
      ({ category, depth }) => `${depth}:${category.name.sv}`,
    );
    expect(rows).toEqual(['0:Båtar', '0:Motorer', '1:Utombordare', '1:Propellrar', '2:Rostfria', '0:Föräldralös']);
  });

  it('names a category with its ancestors', () => {
    expect(categoryPath(categories, 'steel', (c) => c.name.sv ?? '')).toBe('Motorer › Propellrar › Rostfria');
  });

  it('knows a category and everything below it, where it cannot move to', () => {
    expect([...subtreeIds(categories, 'motors')].sort()).toEqual(['motors', 'outboard', 'props', 'steel']);
    expect([...subtreeIds(categories, 'steel')]).toEqual(['steel']);
  });
});
