import { Badge, Code, Popover, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import type { ParseKeys } from 'i18next';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import {
  SYNC_STATUS_POLL_MS,
  type SyncIndicatorState,
  type SyncStatus,
  syncIndicatorState,
  useSyncStatus,
} from '../api/sync-api';

export const stateColors: Record<SyncIndicatorState, string> = {
  hub: 'blue',
  synced: 'green',
  offline: 'orange',
  'not-enrolled': 'red',
};

/** One word for the state, where there is no room for when the node last synced. */
export const stateShortLabels: Record<SyncIndicatorState, ParseKeys> = {
  hub: 'sync.indicator.hubShort',
  synced: 'sync.indicator.syncedShort',
  offline: 'sync.indicator.offlineShort',
  'not-enrolled': 'sync.indicator.notEnrolled',
};

/** The current time, moved on every few seconds so "2 minutes ago" and the offline state age without a fetch. */
export function useNow(intervalMs: number) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The header's replication status for every signed-in user; a click shows every field of it. */
export function SyncIndicator() {
  const { t } = useTranslation();
  const format = useFormat();
  const status = useSyncStatus();
  const now = useNow(SYNC_STATUS_POLL_MS / 2);
  const [opened, setOpened] = useState(false);
  const data = status.data;
  if (!data) return null;

  // Polling failed but an earlier answer is kept: that answer is stale, so this node may be down.
  const state = syncIndicatorState(data, now, !status.isError);
  const lastSync = data.lastSyncAt ? format.relativeTime(data.lastSyncAt, now) : null;
  const label = {
    hub: t('sync.indicator.hub'),
    synced: t('sync.indicator.synced', { time: lastSync ?? '' }),
    offline: lastSync ? t('sync.indicator.offline', { time: lastSync }) : t('sync.indicator.offlineNever'),
    'not-enrolled': t('sync.indicator.notEnrolled'),
  }[state];
  const shortLabel = t(stateShortLabels[state]);
  const pending = data.pendingChanges > 0 ? t('sync.indicator.pending', { count: data.pendingChanges }) : null;

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={320} shadow="md" withArrow>
      <Popover.Target>
        <UnstyledButton
          onClick={() => setOpened((value) => !value)}
          data-testid="sync-indicator"
          data-state={state}
          aria-label={pending ? `${label}. ${pending}` : label}
          aria-expanded={opened}
          aria-haspopup="dialog"
          style={{ flexShrink: 0 }}
        >
          <Badge variant="dot" color={stateColors[state]} tt="none" size="lg" style={{ cursor: 'pointer' }}>
            {/* On a phone the header has room for a word; the popover tells the rest. */}
            <Text span size="xs" fw={600} hiddenFrom="sm">
              {shortLabel}
              {data.pendingChanges > 0 ? ` · ${format.number(data.pendingChanges)}` : ''}
            </Text>
            <Text span size="xs" fw={600} visibleFrom="sm">
              {label}
              {pending ? ` · ${pending}` : ''}
            </Text>
          </Badge>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown data-testid="sync-details" role="dialog" aria-label={t('sync.details.title')}>
        <SyncDetails status={data} label={label} pending={pending} />
      </Popover.Dropdown>
    </Popover>
  );
}

function SyncDetails({ status, label, pending }: { status: SyncStatus; label: string; pending: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const none = t('sync.details.none');
  const hub = status.role === 'server';
  const mono = (value: string | null) =>
    value ? (
      <Text span size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
        {value}
      </Text>
    ) : (
      none
    );
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('sync.details.title')}
      </Text>
      <Text size="sm">{label}</Text>
      {pending ? <Text size="sm">{pending}</Text> : null}
      <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={4} fz="xs">
        <Table.Tbody>
          <DetailRow name={t('sync.details.role')}>
            {hub ? t('sync.details.roleHub') : t('sync.details.roleClient')}
          </DetailRow>
          <DetailRow name={t('sync.details.nodeId')}>{mono(status.nodeId)}</DetailRow>
          <DetailRow name={t('sync.details.hub')}>{mono(status.hub)}</DetailRow>
          <DetailRow name={t('sync.details.hubNodeId')}>{mono(status.hubNodeId)}</DetailRow>
          <DetailRow name={t('sync.details.clusterId')}>{mono(status.clusterId)}</DetailRow>
          <DetailRow name={t('sync.details.epoch')}>
            {status.epoch === null ? none : format.number(status.epoch)}
          </DetailRow>
          <DetailRow name={t('sync.details.lastSync')}>
            {status.lastSyncAt ? <time dateTime={status.lastSyncAt}>{format.dateTime(status.lastSyncAt)}</time> : none}
          </DetailRow>
          <DetailRow name={t('sync.details.pending')}>{format.number(status.pendingChanges)}</DetailRow>
          <DetailRow name={t('sync.details.waiting')}>{format.number(status.waitingChanges)}</DetailRow>
        </Table.Tbody>
      </Table>
      {status.lastError ? (
        <div>
          <Text size="xs" c="dimmed" fw={500}>
            {t('sync.details.lastError')}
          </Text>
          {/* The server's own words, in English: for whoever fixes the connection, not a message to the user. */}
          <Code block data-testid="sync-last-error" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {status.lastError}
          </Code>
        </div>
      ) : null}
    </Stack>
  );
}

function DetailRow({ name, children }: { name: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th fw={500} c="dimmed" w="45%" scope="row" style={{ verticalAlign: 'top' }}>
        {name}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}
