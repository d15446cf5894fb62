import type { ProblemStatus } from '@kontor/contracts';
import { Anchor, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../../../app/data-table';
import { useFormat } from '../../../app/format';
import { PageHeader } from '../../../app/page-header';
import { hasPermission, useMe } from '../../auth/api/session';
import { useDeskLive } from '../api/desk-api';
import { ExportBadge, ProblemStatusBadge } from './problem-badges';
import { useProblems } from './problems-api';

const FILTERS = ['open', 'closed', 'all'] as const;

/** The agents' problems, open ones first by default, refreshed live. */
export function ProblemListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data: me } = useMe();
  const live = useDeskLive();
  const [params, setParams] = useSearchParams();
  const filter = (FILTERS as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as (typeof FILTERS)[number])
    : 'open';
  const problems = useProblems(filter === 'all' ? undefined : (filter as ProblemStatus));
  return (
    <>
      <PageHeader title={t('desk.problems.title')} live={live} />
      <Stack gap="md">
        <Group justify="space-between">
          <SegmentedControl
            size="xs"
            value={filter}
            onChange={(value) => setParams(value === 'open' ? {} : { status: value }, { replace: true })}
            data={FILTERS.map((value) => ({ value, label: t(`desk.problems.filter.${value}`) }))}
            aria-label={t('desk.problems.filter.label')}
          />
          {hasPermission(me, 'desk.admin') ? (
            <Anchor component={Link} to="/desk/problems/rules" size="sm" data-testid="problem-rules-link">
              {t('desk.problems.rules.title')}
            </Anchor>
          ) : null}
        </Group>
        <DataTable
          testId="problem-table"
          columns={[
            t('desk.problems.field.number'),
            t('desk.problems.field.title'),
            t('desk.problems.field.status'),
            t('desk.problems.field.incidents'),
            t('desk.problems.field.origin'),
            t('desk.problems.field.created'),
          ]}
          minWidth={820}
          loading={problems.isPending}
          error={problems.error}
          empty={{ when: problems.data?.length === 0, text: t('desk.problems.empty'), testId: 'problems-empty' }}
        >
          {(problems.data ?? []).map((problem) => (
            <Table.Tr key={problem.id} data-testid="problem-row" data-id={problem.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/desk/problems/${problem.id}`} ff="monospace" size="sm">
                  {problem.reference}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{problem.title}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <ProblemStatusBadge status={problem.status} />
                  <ExportBadge state={problem.export} />
                </Group>
              </Table.Td>
              <Table.Td>
                {t('desk.problems.openOfTotal', { open: problem.openIncidentCount, count: problem.incidentCount })}
              </Table.Td>
              <Table.Td>
                {problem.rule ? t('desk.problems.byRule', { rule: problem.rule.name }) : problem.createdBy.name}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" title={format.dateTime(problem.createdAt)}>
                  {format.relativeTime(problem.createdAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Stack>
    </>
  );
}
