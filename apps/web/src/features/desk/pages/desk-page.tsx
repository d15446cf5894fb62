import { Button, Center, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { FormModal } from '../../../app/form';
import { PageHeader } from '../../../app/page-header';
import { type IncidentSort, useDeskLive } from '../api/desk-api';
import { filterError } from '../api/filter-error';
import { useIncidentPages } from '../api/incident-pages';
import { FilterBox } from '../components/filter-box';
import { IncidentTable } from '../components/incident-table';
import { ReportForm } from '../components/report-form';
import { SavedFiltersMenu } from '../filters/saved-filters-menu';
import { CreateProblemFromSelected, useIncidentSelection } from '../problems/problem-selection';

const SORTS: IncidentSort[] = ['created', 'updated', 'priority'];

/** The agents' list: every incident, by the filter language, refreshed live as the desk changes. */
export function DeskPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const sortParam = params.get('sort') as IncidentSort | null;
  const sort: IncidentSort = sortParam && SORTS.includes(sortParam) ? sortParam : 'created';
  const [creating, setCreating] = useState(false);
  const selection = useIncidentSelection();
  const live = useDeskLive();
  const incidents = useIncidentPages({ q, sort });
  const queryError = filterError(incidents.error);

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('desk.title')}
        live={live}
        action={{ label: t('desk.newIncident'), testId: 'new-incident', onClick: () => setCreating(true) }}
      />
      <Stack gap="md">
        <FilterBox key={q} value={q} onApply={(value) => update({ q: value.trim() })} error={queryError} />
        <SavedFiltersMenu query={q} onApply={(value) => update({ q: value })} />
        <CreateProblemFromSelected selection={selection} />
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="incident-total">
            {incidents.total && !queryError
              ? incidents.total.capped
                ? t('desk.paging.totalAtLeast', { count: incidents.total.count })
                : t('desk.total', { count: incidents.total.count })
              : null}
          </Text>
          <SegmentedControl
            size="xs"
            value={sort}
            onChange={(value) => update({ sort: value === 'created' ? '' : value })}
            data={SORTS.map((value) => ({ value, label: t(`desk.sort.${value}`) }))}
            aria-label={t('desk.sort.label')}
          />
        </Group>
        {queryError ? null : (
          <IncidentTable
            agent
            incidents={incidents.incidents}
            loading={incidents.isPending}
            error={incidents.error}
            selection={selection}
          />
        )}
        {incidents.hasNextPage && !queryError ? (
          <Center>
            <Button
              variant="default"
              onClick={() => void incidents.fetchNextPage()}
              loading={incidents.isFetchingNextPage}
              data-testid="incidents-load-more"
            >
              {t('desk.paging.more')}
            </Button>
          </Center>
        ) : null}
      </Stack>
      <FormModal opened={creating} onClose={() => setCreating(false)} title={t('desk.newIncident')}>
        <ReportForm
          agent
          onCancel={() => setCreating(false)}
          onCreated={(incident) => {
            setCreating(false);
            navigate(`/desk/incidents/${incident.id}`);
          }}
        />
      </FormModal>
    </>
  );
}
