import type { Incident } from '@kontor/contracts';
import { Anchor, Checkbox, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../app/data-table';
import { useFormat } from '../../../app/format';
import { SlaBadges } from '../sla/sla-badges';
import { PriorityBadge, StatusBadge } from './incident-badges';

interface IncidentTableProps {
  incidents: Incident[] | undefined;
  loading: boolean;
  error: unknown;
  /** Agents see whom it is assigned to and who reported it. */
  agent: boolean;
  /** Rows with a checkbox each (an agent picking incidents for a problem). */
  selection?: { selected: ReadonlySet<string>; onToggle: (id: string) => void };
}

export function IncidentTable({ incidents, loading, error, agent, selection }: IncidentTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns = [
    ...(selection ? [{ label: t('desk.problems.select'), hidden: true, width: 40 }] : []),
    t('desk.field.number'),
    t('desk.field.title'),
    t('desk.field.status'),
    t('desk.field.priority'),
    ...(agent ? [t('desk.field.assignee'), t('desk.field.requester'), t('desk.sla.column')] : []),
    t('desk.field.updated'),
  ];
  return (
    <DataTable
      testId="incident-table"
      columns={columns}
      minWidth={agent ? 1040 : 600}
      loading={loading}
      error={error}
      empty={{ when: incidents?.length === 0, text: t('desk.empty'), testId: 'incidents-empty' }}
    >
      {(incidents ?? []).map((incident) => (
        <Table.Tr key={incident.id} data-testid="incident-row" data-id={incident.id}>
          {selection ? (
            <Table.Td>
              <Checkbox
                checked={selection.selected.has(incident.id)}
                onChange={() => selection.onToggle(incident.id)}
                aria-label={`${t('desk.problems.select')} ${incident.reference}`}
                data-testid="incident-select"
              />
            </Table.Td>
          ) : null}
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            <Anchor component={Link} to={`/desk/incidents/${incident.id}`} ff="monospace" size="sm">
              {incident.reference}
            </Anchor>
          </Table.Td>
          <Table.Td>
            <Anchor
              component={Link}
              to={`/desk/incidents/${incident.id}`}
              c="inherit"
              style={{ overflowWrap: 'anywhere' }}
            >
              {incident.title}
            </Anchor>
          </Table.Td>
          <Table.Td>
            <StatusBadge status={incident.status} />
          </Table.Td>
          <Table.Td>
            <PriorityBadge priority={incident.priority} />
          </Table.Td>
          {agent ? (
            <>
              <Table.Td>{incident.assignee?.name ?? <Text c="dimmed">—</Text>}</Table.Td>
              <Table.Td>{incident.requester.name}</Table.Td>
            </>
          ) : null}
          {agent ? (
            <Table.Td>
              <SlaBadges incident={incident} compact />
            </Table.Td>
          ) : null}
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            <Text size="sm" title={format.dateTime(incident.updatedAt)}>
              {format.relativeTime(incident.updatedAt)}
            </Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
