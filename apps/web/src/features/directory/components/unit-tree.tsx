import { NavLink } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UnitTreeNode } from '../api/unit-tree';

const unitPath = (id: string) => `/directory/units/${id}`;

/**
 * The organisation to browse: the region open, deeper levels one click away. A unit with units below it
 * opens and closes; its own page is the first entry inside it.
 */
export function UnitTree({ nodes, depth = 0 }: { nodes: UnitTreeNode[]; depth?: number }) {
  const { t } = useTranslation();
  return nodes.map((node) =>
    node.children.length > 0 ? (
      <NavLink
        key={node.id}
        label={node.name}
        description={t(`directory.unitKinds.${node.kind}`)}
        defaultOpened={depth < 1}
        childrenOffset={16}
        data-testid="unit-tree-branch"
      >
        <NavLink
          component={Link}
          to={unitPath(node.id)}
          label={t('directory.tree.open', { name: node.name })}
          data-testid="unit-tree-node"
        />
        <UnitTree nodes={node.children} depth={depth + 1} />
      </NavLink>
    ) : (
      <NavLink
        key={node.id}
        component={Link}
        to={unitPath(node.id)}
        label={node.name}
        description={t(`directory.unitKinds.${node.kind}`)}
        data-testid="unit-tree-node"
      />
    ),
  );
}
