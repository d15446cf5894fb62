import { Alert, Badge, Box, Flex, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { ProblemAlert } from '../../../app/problem-alert';
import {
  lagText,
  SYNC_STATUS_POLL_MS,
  type SyncStatus,
  syncIndicatorState,
  usePromoteNode,
  useSyncStatus,
} from '../api/sync-api';
import { HubAddressButton } from './hub-address-button';
import { PromoteNodeButton } from './promote-node-button';
import { stateColors, stateShortLabels, useNow } from './sync-indicator';
import { SyncProblemAlert } from './sync-problem-alert';

/**
 * "This node": its place in the cluster and how its replication stands, kept fresh by the status poll. On a
 * workstation it offers the two ways out when the hub is gone: make this node the hub, or point it elsewhere.
 */
export function NodeStatusPanel() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const now = useNow(SYNC_STATUS_POLL_MS / 2);
  const promote = usePromoteNode();
  const data = status.data;
  if (!data) return status.error ? <ProblemAlert error={status.error} /> : null;

  // When this node stops answering, the status shown is its last answer: say so rather than show it as current.
  const reachable = !status.isError;
  const state = syncIndicatorState(data, now, reachable);
  const workstation = data.role === 'client';
  return (
    <Paper
      withBorder
      p="md"
      mb="lg"
      component="section"
      aria-labelledby="node-status-title"
      data-testid="node-status"
      data-role={data.role}
    >
      <Stack gap="md">
        <Group justify="space-between" align="center" gap="sm">
          <Group gap="sm">
            <Title order={2} size="h4" id="node-status-title">
              {t('nodes.self.title')}
            </Title>
            <Badge variant="dot" color={stateColors[state]} tt="none" size="lg" data-testid="node-status-state">
              {t(stateShortLabels[state])}
            </Badge>
          </Group>
          {workstation && data.enrolled ? (
            // Side by side where there is room; on a phone one above the other, each as wide as the panel.
            <Flex direction={{ base: 'column', xs: 'row' }} gap="xs" w={{ base: '100%', xs: 'auto' }}>
              <HubAddressButton current={data.hub} />
              <PromoteNodeButton promote={promote} />
            </Flex>
          ) : null}
        </Group>
        {promote.data && !workstation ? (
          <Alert color="green" variant="light" withCloseButton onClose={promote.reset} data-testid="node-promoted">
            {t('nodes.self.promoted', { epoch: promote.data.epoch })}
          </Alert>
        ) : null}
        {reachable ? null : <ProblemAlert error={status.error} />}
        {reachable && (state === 'offline' || state === 'not-enrolled') ? <SyncProblemAlert status={data} /> : null}
        <NodeStatusFields status={data} now={now} />
      </Stack>
    </Paper>
  );
}

/** Every field of the status; the hub has no hub to sync with, so it shows its own address instead. */
function NodeStatusFields({ status, now }: { status: SyncStatus; now: number }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const none = t('sync.details.none');
  const epoch = (
    <Field name={t('sync.details.epoch')} testId="epoch">
      {status.epoch === null ? none : format.number(status.epoch)}
    </Field>
  );
  return (
    // Columns wide enough for a node id on one line: three beside the navigation, one on a phone.
    <SimpleGrid renderRoot={(props) => <dl {...props} />} minColWidth="17rem" spacing="md" verticalSpacing="sm" m={0}>
      <Field name={t('nodes.self.role')} testId="role">
        {status.role === 'client' ? t('sync.details.roleClient') : t('sync.details.roleHub')}
      </Field>
      <Field name={t('sync.details.nodeId')} testId="node-id">
        <Mono>{status.nodeId}</Mono>
      </Field>
      <Field name={t('sync.details.clusterId')} testId="cluster-id">
        {status.clusterId ? <Mono>{status.clusterId}</Mono> : none}
      </Field>
      {status.role === 'client' ? (
        <>
          <Field name={t('sync.details.hub')} testId="hub">
            {status.hub ? <Mono>{status.hub}</Mono> : none}
          </Field>
          <Field name={t('sync.details.hubNodeId')} testId="hub-node-id">
            {status.hubNodeId ? <Mono>{status.hubNodeId}</Mono> : none}
          </Field>
          {epoch}
          <Field name={t('sync.details.lastSync')} testId="last-sync">
            {status.lastSyncAt ? (
              <>
                <time dateTime={status.lastSyncAt}>{format.relativeTime(status.lastSyncAt, now)}</time>
                <Text size="xs" c="dimmed">
                  {format.dateTime(status.lastSyncAt)}
                </Text>
              </>
            ) : (
              t('nodes.self.lastSyncNever')
            )}
          </Field>
          <Field name={t('nodes.self.lag')} testId="lag">
            {status.lagSeconds === null ? none : lagText(i18n.language, status.lagSeconds)}
          </Field>
          <Field name={t('sync.details.pending')} testId="pending">
            {format.number(status.pendingChanges)}
          </Field>
        </>
      ) : (
        <>
          <Field name={t('nodes.self.publicUrl')} testId="public-url">
            {status.hub ? (
              <Mono>{status.hub}</Mono>
            ) : (
              <>
                {t('nodes.self.publicUrlUnset')}
                <Text size="xs" c="dimmed">
                  {t('nodes.self.publicUrlHint')}
                </Text>
              </>
            )}
          </Field>
          {epoch}
        </>
      )}
      <Field name={t('sync.details.waiting')} testId="waiting">
        {format.number(status.waitingChanges)}
      </Field>
    </SimpleGrid>
  );
}

function Field({ name, testId, children }: { name: string; testId: string; children: ReactNode }) {
  return (
    <Box miw={0}>
      <Text component="dt" size="xs" c="dimmed" fw={500}>
        {name}
      </Text>
      <Text component="dd" size="sm" m={0} data-testid={`node-status-${testId}`}>
        {children}
      </Text>
    </Box>
  );
}

function Mono({ children }: { children: string }) {
  return (
    <Text span size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
      {children}
    </Text>
  );
}
