import { Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageLoader } from '../../../app/guards';
import { PageHeader } from '../../../app/page-header';
import { ProblemAlert } from '../../../app/problem-alert';
import { useMe } from '../../auth/api/session';
import { useDirectoryLive, useDirectoryUnits, useFavourites } from '../api/directory-api';
import { buildUnitTree } from '../api/unit-tree';
import { DirectorySearch } from '../components/directory-search';
import { EditingBar } from '../components/editing-bar';
import { EntryList } from '../components/entry-list';
import { UnitTree } from '../components/unit-tree';

/** Search first (the usual errand), then favourites, then the whole organisation to browse. */
export function DirectoryPage() {
  const { t } = useTranslation();
  // The query lives in the address, so Back from a result returns to the same results.
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const setQuery = (q: string) => setParams(q ? { q } : {}, { replace: true });
  // A visitor who has not signed in (a workstation that shows its directory to anyone) has no favourites.
  const { data: me } = useMe();
  const live = useDirectoryLive();
  const units = useDirectoryUnits();
  const favourites = useFavourites();
  const tree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);

  return (
    <>
      <PageHeader title={t('directory.title')} live={live} />
      <EditingBar newUnitParentId={tree[0]?.id ?? null} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <DirectorySearch query={query} onQueryChange={setQuery} />
            {query.trim() || !me ? null : (
              <section aria-labelledby="favourites-title">
                <Title order={2} size="h4" id="favourites-title" mb="xs">
                  {t('directory.favourites.title')}
                </Title>
                {favourites.error ? <ProblemAlert error={favourites.error} /> : null}
                {favourites.data && favourites.data.length > 0 ? (
                  <EntryList entries={favourites.data} testId="directory-favourites" />
                ) : (
                  <Text c="dimmed" size="sm">
                    {t('directory.favourites.empty')}
                  </Text>
                )}
              </section>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder padding="xs" component="nav" aria-labelledby="tree-title">
            <Group justify="space-between" px="xs" pb="xs">
              <Title order={2} size="h4" id="tree-title">
                {t('directory.tree.title')}
              </Title>
              <Button
                component={Link}
                to="/directory/print"
                variant="light"
                size="xs"
                data-testid="directory-print-all"
              >
                {t('directory.print.wholeDirectory')}
              </Button>
            </Group>
            <Group gap="xs" px="xs" pb="xs" data-print="hide">
              {(['csv', 'xlsx'] as const).map((format) => (
                <Button
                  key={format}
                  component="a"
                  href={`/api/directory/export?format=${format}`}
                  download
                  variant="default"
                  size="xs"
                  data-testid={`directory-export-${format}`}
                >
                  {t(`directory.export.${format}`)}
                </Button>
              ))}
            </Group>
            {units.error ? <ProblemAlert error={units.error} /> : null}
            {units.isPending ? <PageLoader /> : <UnitTree nodes={tree} />}
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
