import type { UnitSummary } from '@kontor/contracts';
import { describe, expect, it } from 'vitest';
import { buildUnitTree, flattenUnitTree } from './unit-tree';

const unit = (id: string, parentId: string | null, name: string): UnitSummary => ({ id, parentId, kind: 'unit', name });

describe('unit tree', () => {
  // The server sends every unit in Swedish order, parents and children mixed.
  const units = [
    unit('a', 'r', 'Akuten'),
    unit('k', 'r', 'Karlskoga'),
    unit('r', null, 'Region'),
    unit('i', 'k', 'IVA'),
    unit('o', 'k', 'Ortopeden'),
    unit('x', 'gone', 'Orphan'),
  ];

  it('nests units under their parents, keeping the order siblings came in', () => {
    const tree = buildUnitTree(units);
    expect(tree.map((node) => node.name)).toEqual(['Region', 'Orphan']);
    expect(tree[0]?.children.map((node) => node.name)).toEqual(['Akuten', 'Karlskoga']);
    expect(tree[0]?.children[1]?.children.map((node) => node.name)).toEqual(['IVA', 'Ortopeden']);
  });

  it('lists the tree depth first, each unit with its depth', () => {
    expect(flattenUnitTree(buildUnitTree(units)).map(({ unit, depth }) => `${depth}:${unit.name}`)).toEqual([
      '0:Region',
      '1:Akuten',
      '1:Karlskoga',
      '2:IVA',
      '2:Ortopeden',
      '0:Orphan',
    ]);
  });
});
