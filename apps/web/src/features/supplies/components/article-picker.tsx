import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useArticles } from '../api/catalog-api';
import { type DraftLine, lineFromArticle } from '../api/order-draft';

const TYPING_PAUSE_MS = 150;

/** Adds an article found by name or number to lines being edited (a placed order, a change request). */
export function ArticlePicker({ onPick }: { onPick: (line: DraftLine) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [settled] = useDebouncedValue(search, TYPING_PAUSE_MS);
  const articles = useArticles({ q: settled, categoryId: '', limit: 20 }, settled.trim().length > 0);
  const found = articles.data?.articles ?? [];
  return (
    <Select
      label={t('supplies.cart.addArticle')}
      placeholder={t('supplies.catalog.searchPlaceholder')}
      data={found.map((article) => ({ value: article.id, label: `${article.articleNumber} · ${article.name}` }))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has already searched (typos, missing diacritics): show what it found as it is.
      filter={({ options }) => options}
      value={null}
      onChange={(id) => {
        const article = found.find((candidate) => candidate.id === id);
        if (article) onPick(lineFromArticle(article, 1));
        setSearch('');
      }}
      nothingFoundMessage={settled.trim() ? t('common.nothingFound') : undefined}
      data-testid="article-picker"
    />
  );
}
