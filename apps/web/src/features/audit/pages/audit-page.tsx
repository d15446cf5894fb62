import { Button, Center, Paper } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../app/data-table';
import { useFieldErrors } from '../../../app/form';
import { useLiveTopic } from '../../../app/live-events';
import { PageHeader } from '../../../app/page-header';
import { type AuditFilters, auditQueryKey, noFilters, useAuditLog } from '../api/audit-api';
import { AuditFiltersForm } from '../components/audit-filters-form';
import { AuditRow } from '../components/audit-row';

export function AuditPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<AuditFilters>(noFilters);
  const [expanded, setExpanded] = useState<Set<number>>(() => new Set());
  const log = useAuditLog(filters);

  // A new entry (or a reconnect after missing some) refreshes the list; a new action refreshes the filter.
  const refresh = () => void queryClient.invalidateQueries({ queryKey: auditQueryKey });
  const live = useLiveTopic('admin.audit', refresh, refresh);

  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const { fieldErrors, generalError } = useFieldErrors(log.error);
  const toggle = (id: number) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageHeader title={t('audit.title')} live={live} />
      <Paper withBorder p="sm" mb="md">
        <AuditFiltersForm value={filters} onChange={setFilters} fieldErrors={fieldErrors} />
      </Paper>
      <DataTable
        testId="audit-table"
        minWidth={720}
        striped={false}
        columns={[
          { label: t('audit.details'), hidden: true, width: 32 },
          t('audit.fields.at'),
          t('audit.fields.actor'),
          t('audit.fields.action'),
          t('audit.fields.entity'),
        ]}
        loading={log.isPending}
        error={generalError}
        empty={{ when: log.isSuccess && entries.length === 0, text: t('audit.empty'), testId: 'audit-empty' }}
      >
        {entries.map((entry) => (
          <AuditRow key={entry.id} entry={entry} expanded={expanded.has(entry.id)} onToggle={() => toggle(entry.id)} />
        ))}
      </DataTable>
      {log.hasNextPage ? (
        <Center mt="md">
          <Button
            variant="default"
            onClick={() => void log.fetchNextPage()}
            loading={log.isFetchingNextPage}
            data-testid="audit-load-more"
          >
            {t('audit.loadMore')}
          </Button>
        </Center>
      ) : null}
    </>
  );
}
