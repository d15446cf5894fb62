import { Alert, Badge, Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../app/data-table';
import { useFormat } from '../../../app/format';
import { PageLoader } from '../../../app/guards';
import { ProblemAlert } from '../../../app/problem-alert';
import { PrintFrame } from '../../directory/components/print-frame';
import { useEvacuationList, useVisitorsLive } from '../api/visitors-api';
import { useCardWords } from '../components/use-card-words';
import { useVisitTime } from '../components/use-visit-time';
import '../evacuation.css';

/**
 * Everyone in the building now, for a roll call at the assembly point: read from this node's own copy, so it
 * prints on a workstation even when the hub is down (`asOf` says how fresh that copy is).
 */
export function EvacuationPage() {
  const { t } = useTranslation();
  const format = useFormat();
  useVisitorsLive();
  const list = useEvacuationList();
  const cards = useCardWords();
  const visitTime = useVisitTime();
  // The roll call at the assembly point: ticked on this screen only, and on paper when printed.
  const [safe, setSafe] = useState<ReadonlySet<string>>(() => new Set());
  if (list.isPending) return <PageLoader />;
  if (list.error) return <ProblemAlert error={list.error} />;
  const { people, asOf, nodeRole } = list.data;

  return (
    <PrintFrame>
      <Stack gap="md" className="visitors-evacuation" data-testid="evacuation-view">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div>
            <Title order={1} size="h2">
              {t('visitors.evacuation.title')}
            </Title>
            <Group gap="md">
              <Text fw={700} fz="xl" data-testid="evacuation-count" data-count={people.length}>
                {t('visitors.evacuation.count', { n: people.length })}
              </Text>
              {safe.size > 0 ? (
                <Text
                  fw={600}
                  c={safe.size === people.length ? 'green.8' : 'orange.8'}
                  data-testid="evacuation-safe-count"
                >
                  {t('visitors.evacuation.safeCount', { safe: safe.size, n: people.length })}
                </Text>
              ) : null}
            </Group>
            <Group gap="xs">
              <Text size="sm" data-testid="evacuation-as-of">
                {t('visitors.evacuation.asOf', { time: format.preciseDateTime(asOf) })}
              </Text>
              <Badge variant="light" color={nodeRole === 'server' ? 'blue' : 'teal'} data-print="hide">
                {nodeRole === 'server' ? t('home.role.server') : t('home.role.client')}
              </Badge>
            </Group>
          </div>
          <Group gap="xs" data-print="hide">
            <Button variant="default" onClick={() => void list.refetch()} loading={list.isFetching}>
              {t('visitors.evacuation.refresh')}
            </Button>
            <Button color="red" onClick={() => window.print()} data-testid="evacuation-print">
              {t('visitors.evacuation.print')}
            </Button>
          </Group>
        </Group>
        {nodeRole === 'client' ? (
          <Alert color="blue" variant="light" data-print="hide">
            {t('visitors.evacuation.clientNote')}
          </Alert>
        ) : null}
        <DataTable
          testId="evacuation-list"
          minWidth={640}
          striped
          columns={[
            { label: '#', width: 40 },
            t('visitors.fields.guest'),
            t('visitors.fields.company'),
            t('visitors.fields.host'),
            t('visitors.fields.card'),
            t('visitors.fields.since'),
            { label: t('visitors.evacuation.safe'), width: 90 },
          ]}
          loading={false}
          error={null}
          empty={{ when: people.length === 0, text: t('visitors.evacuation.empty'), testId: 'evacuation-empty' }}
        >
          {people.map((person, index) => (
            <Table.Tr key={person.entryId} data-testid="evacuation-person" data-card={person.card}>
              <Table.Td>{index + 1}</Table.Td>
              <Table.Td fw={700} style={{ overflowWrap: 'anywhere', unicodeBidi: 'isolate' }}>
                {person.name}
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere', unicodeBidi: 'isolate' }}>{person.company}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{person.hostName ?? '–'}</Table.Td>
              <Table.Td>{cards.label(person.card, person.cardType)}</Table.Td>
              <Table.Td>{visitTime(person.since)}</Table.Td>
              <Table.Td>
                <Checkbox
                  size="md"
                  checked={safe.has(person.entryId)}
                  onChange={(event) => {
                    const next = new Set(safe);
                    if (event.currentTarget.checked) next.add(person.entryId);
                    else next.delete(person.entryId);
                    setSafe(next);
                  }}
                  aria-label={t('visitors.evacuation.safeNamed', { name: person.name })}
                  data-testid="evacuation-safe"
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Stack>
    </PrintFrame>
  );
}
