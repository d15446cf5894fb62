import type { AuditEntry } from '@kontor/contracts';
import { Code, SimpleGrid, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';

interface AuditRowProps {
  entry: AuditEntry;
  expanded: boolean;
  onToggle: () => void;
}

function Snapshot({ label, value }: { label: string; value: unknown }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} miw={0}>
      <Text size="xs" fw={600} tt="uppercase" c="dimmed">
        {label}
      </Text>
      {value === null || value === undefined ? (
        <Text size="sm" c="dimmed">
          {t('audit.nothing')}
        </Text>
      ) : (
        <Code block style={{ maxHeight: 320, overflow: 'auto' }}>
          {JSON.stringify(value, null, 2)}
        </Code>
      )}
    </Stack>
  );
}

/** One entry; its disclosure button reveals the before/after snapshots side by side. */
export function AuditRow({ entry, expanded, onToggle }: AuditRowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const detailsId = useId();

  return (
    <>
      <Table.Tr data-testid="audit-row" data-entry-id={entry.id} style={{ cursor: 'pointer' }} onClick={onToggle}>
        <Table.Td>
          <UnstyledButton
            onClick={(event) => {
              event.stopPropagation();
              onToggle();
            }}
            aria-expanded={expanded}
            aria-controls={detailsId}
            aria-label={expanded ? t('audit.hideDetails') : t('audit.showDetails')}
            data-testid="audit-row-toggle"
            px={4}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          </UnstyledButton>
        </Table.Td>
        <Table.Td>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            <time dateTime={entry.at}>{format.preciseDateTime(entry.at)}</time>
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{entry.actorName}</Text>
        </Table.Td>
        <Table.Td>
          <Code>{entry.action}</Code>
        </Table.Td>
        <Table.Td>
          <Text size="sm">
            {entry.entity}
            {entry.entityId ? (
              <Text span c="dimmed" size="xs" ml={6} style={{ wordBreak: 'break-all' }}>
                {entry.entityId}
              </Text>
            ) : null}
          </Text>
        </Table.Td>
      </Table.Tr>
      <Table.Tr id={detailsId} hidden={!expanded}>
        <Table.Td colSpan={5} p={0}>
          {expanded ? (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }} p="sm" data-testid="audit-details">
                <Snapshot label={t('audit.before')} value={entry.before} />
                <Snapshot label={t('audit.after')} value={entry.after} />
              </SimpleGrid>
              {entry.requestId ? (
                <Text size="xs" c="dimmed" px="sm" pb="sm">
                  {t('audit.requestId', { id: entry.requestId })}
                </Text>
              ) : null}
            </>
          ) : null}
        </Table.Td>
      </Table.Tr>
    </>
  );
}
