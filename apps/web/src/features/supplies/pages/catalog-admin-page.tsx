import type { Article } from '@kontor/contracts';
import { Button, Card, Group, NativeSelect, Switch, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../app/data-table';
import { useFormat } from '../../../app/format';
import { PageHeader } from '../../../app/page-header';
import { ProblemAlert } from '../../../app/problem-alert';
import { useArticles, useCategories, useSaveArticle } from '../api/catalog-api';
import { type ArticleDraft, ArticleFormModal } from '../components/article-form-modal';
import { packText } from '../components/pack-text';
import { UnitMembersEditor } from '../components/unit-members-editor';

const TYPING_PAUSE_MS = 150;
const PAGE = 100;

/** The hub's catalog, inactive articles included, and who orders for which unit. */
export function CatalogAdminPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ArticleDraft>(null);
  return (
    <>
      <PageHeader
        title={t('supplies.admin.title')}
        action={{ label: t('supplies.admin.newArticle'), testId: 'article-new', onClick: () => setDraft('new') }}
      />
      <Tabs defaultValue="articles" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="articles">{t('supplies.admin.articles')}</Tabs.Tab>
          <Tabs.Tab value="members" data-testid="admin-members-tab">
            {t('supplies.members.title')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="articles">
          <ArticleTable onEdit={setDraft} />
        </Tabs.Panel>
        <Tabs.Panel value="members">
          <Card withBorder padding="sm" maw={640}>
            <UnitMembersEditor />
          </Card>
        </Tabs.Panel>
      </Tabs>
      <ArticleFormModal draft={draft} onClose={() => setDraft(null)} />
    </>
  );
}

function ArticleTable({ onEdit }: { onEdit: (article: Article) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [query, setQuery] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [settled] = useDebouncedValue(query, TYPING_PAUSE_MS);
  const [limit, setLimit] = useState(PAGE);
  const categories = useCategories();
  const articles = useArticles({ q: settled, categoryId, includeInactive: true, limit });
  const save = useSaveArticle();
  const setActive = (article: Article, active: boolean) => {
    const { id, categoryName: _category, ...input } = article;
    save.mutate({ id, input: { ...input, active } });
  };
  const list = articles.data?.articles ?? [];

  return (
    <>
      <Group gap="sm" align="flex-end" mb="sm" wrap="wrap">
        <TextInput
          type="search"
          label={t('supplies.catalog.search')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          style={{ flex: '2 1 220px' }}
          data-testid="admin-article-search"
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
        />
      </Group>
      {save.error ? <ProblemAlert error={save.error} /> : null}
      <DataTable
        testId="admin-articles"
        minWidth={760}
        columns={[
          t('supplies.fields.articleNumber'),
          t('supplies.fields.article'),
          t('supplies.catalog.category'),
          t('supplies.fields.price'),
          t('supplies.fields.active'),
        ]}
        withActions
        loading={articles.isPending}
        error={articles.error}
        caption={articles.data ? t('supplies.catalog.more', { shown: list.length, total: articles.data.total }) : null}
        empty={{ when: articles.isSuccess && list.length === 0, text: t('supplies.catalog.empty') }}
      >
        {list.map((article) => (
          <Table.Tr key={article.id} data-testid="admin-article-row" data-article-number={article.articleNumber}>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {article.articleNumber}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={500}>
                {article.name}
              </Text>
              <Text size="xs" c="dimmed">
                {[article.manufacturer, packText(t, article)].filter(Boolean).join(' · ')}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{article.categoryName}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{article.priceMinor === null ? '–' : format.sek(article.priceMinor)}</Text>
            </Table.Td>
            <Table.Td>
              <Switch
                checked={article.active}
                onChange={(event) => setActive(article, event.currentTarget.checked)}
                aria-label={t('supplies.admin.activeNamed', { name: article.name })}
                data-testid="admin-article-active"
              />
            </Table.Td>
            <Table.Td ta="right">
              <Button
                size="xs"
                variant="default"
                onClick={() => onEdit(article)}
                aria-label={t('supplies.admin.editNamed', { name: article.name })}
                data-testid="admin-article-edit"
              >
                {t('common.edit')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {articles.data && articles.data.total > list.length ? (
        <Group justify="center" mt="sm">
          <Button variant="default" size="xs" onClick={() => setLimit((previous) => previous + PAGE)}>
            {t('supplies.catalog.showMore')}
          </Button>
        </Group>
      ) : null}
    </>
  );
}
