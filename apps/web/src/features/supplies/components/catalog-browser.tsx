import type { Article } from '@kontor/contracts';
import { Button, Group, Loader, NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../app/guards';
import { ProblemAlert } from '../../../app/problem-alert';
import { useArticles, useCategories, useFavourites, useToggleFavourite } from '../api/catalog-api';
import { type DraftLine, lineFromArticle } from '../api/order-draft';
import { ArticleRow } from './article-row';
import { StandardOrdersPanel } from './standard-orders-panel';
import '../supplies.css';

const TYPING_PAUSE_MS = 150;
/** The favourites view filters one large page of the catalog: a unit's favourites are among what it can order. */
const FAVOURITES_PAGE = 500;
/** Enough to scroll through on a phone; the search is the quicker way to the rest. */
const PAGE = 30;

type View = 'all' | 'favourites' | 'standard';

interface CatalogBrowserProps {
  unitId: string;
  cartLines: DraftLine[];
  onAdd: (lines: DraftLine[]) => void;
}

/** Finds articles to order: the whole catalog, the unit's favourites, or its standard orders. */
export function CatalogBrowser({ unitId, cartLines, onAdd }: CatalogBrowserProps) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('all');
  const [query, setQuery] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [settled] = useDebouncedValue(query, TYPING_PAUSE_MS);
  const [limit, setLimit] = useState(PAGE);
  const categories = useCategories();
  const favourites = useFavourites(unitId);
  const toggle = useToggleFavourite(unitId);
  const onlyFavourites = view === 'favourites';
  // Someone searching for a withdrawn article learns it is withdrawn, rather than finding nothing.
  const articles = useArticles(
    {
      q: settled,
      categoryId,
      includeInactive: settled.trim() !== '' || onlyFavourites,
      limit: onlyFavourites ? FAVOURITES_PAGE : limit,
    },
    view !== 'standard',
  );
  const favouriteIds = favourites.data ?? new Set<string>();
  const shown = (articles.data?.articles ?? []).filter((article) => !onlyFavourites || favouriteIds.has(article.id));
  const total = articles.data?.total ?? 0;

  const row = (article: Article) => (
    <ArticleRow
      key={article.id}
      article={article}
      favourite={favouriteIds.has(article.id)}
      onToggleFavourite={() => toggle.mutate({ articleId: article.id, favourite: !favouriteIds.has(article.id) })}
      onAdd={(quantity) => onAdd([lineFromArticle(article, quantity)])}
    />
  );

  return (
    <Stack gap="sm">
      <SegmentedControl
        value={view}
        onChange={(next) => setView(next as View)}
        data={[
          { value: 'all', label: t('supplies.catalog.all') },
          { value: 'favourites', label: t('supplies.catalog.favourites') },
          { value: 'standard', label: t('supplies.catalog.standard') },
        ]}
        fullWidth
        data-testid="catalog-view"
      />
      {view === 'standard' ? (
        <StandardOrdersPanel unitId={unitId} cartLines={cartLines} onApply={onAdd} />
      ) : (
        <>
          <Group gap="sm" align="flex-end" wrap="wrap" role="search">
            <TextInput
              type="search"
              label={t('supplies.catalog.search')}
              placeholder={t('supplies.catalog.searchPlaceholder')}
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
              rightSection={articles.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
              autoComplete="off"
              spellCheck={false}
              style={{ flex: '2 1 220px' }}
              data-testid="catalog-search"
            />
            <NativeSelect
              label={t('supplies.catalog.category')}
              value={categoryId}
              onChange={(event) => setCategoryId(event.currentTarget.value)}
              data={[
                { value: '', label: t('supplies.catalog.allCategories') },
                ...(categories.data ?? []).map((category) => ({ value: category.id, label: category.name })),
              ]}
              style={{ flex: '1 1 160px' }}
              data-testid="catalog-category"
            />
          </Group>
          {articles.error ? <ProblemAlert error={articles.error} /> : null}
          {articles.isPending ? (
            <PageLoader />
          ) : (
            <div aria-live="polite">
              {shown.length === 0 ? (
                <Text c="dimmed" size="sm" data-testid="catalog-empty">
                  {onlyFavourites ? t('supplies.favourites.empty') : t('supplies.catalog.empty')}
                </Text>
              ) : (
                <ul className="supplies-plain-list" data-testid="catalog-results">
                  {shown.map(row)}
                </ul>
              )}
              {!onlyFavourites && total > shown.length ? (
                <Group justify="space-between" mt="xs" gap="xs">
                  <Text size="xs" c="dimmed">
                    {t('supplies.catalog.more', { shown: shown.length, total })}
                  </Text>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setLimit((previous) => previous + PAGE)}
                    loading={articles.isFetching}
                    data-testid="catalog-more"
                  >
                    {t('supplies.catalog.showMore')}
                  </Button>
                </Group>
              ) : null}
            </div>
          )}
        </>
      )}
    </Stack>
  );
}
