import type { CatalogPriceList } from '@kontor/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ListState, listState } from '../api/sale-list-draft';

const COLOURS: Record<ListState, string> = { running: 'green', scheduled: 'blue', ended: 'gray', paused: 'yellow' };

/** Whether a list applies now, will later, did, or is switched off. */
export function ListStateBadge({ list }: { list: CatalogPriceList }) {
  const { t } = useTranslation();
  const state = listState(list, Date.now());
  return (
    <Badge
      size="sm"
      variant="light"
      color={COLOURS[state]}
      tt="none"
      // A table cell would squeeze the badge to an ellipsis: the word is short, so it keeps its width.
      style={{ minWidth: 'max-content' }}
      data-testid="price-list-state"
      data-state={state}
    >
      {t(`catalogAdmin.priceLists.states.${state}`)}
    </Badge>
  );
}
