import { Alert, Badge, Box, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../app/confirm-modal';
import { DataTable } from '../../../app/data-table';
import { useFormat } from '../../../app/format';
import { PageHeader } from '../../../app/page-header';
import { ProblemAlert } from '../../../app/problem-alert';
import {
  type Enrollment,
  type SyncNode,
  useCreateEnrollment,
  useRevokeNode,
  useSyncNodes,
  useSyncStatus,
} from '../api/sync-api';
import { EnrollmentCodeModal } from '../components/enrollment-code-modal';
import { NodeStatusPanel } from '../components/node-status-panel';

export function NodesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const nodes = useSyncNodes();
  const status = useSyncStatus();
  const createEnrollment = useCreateEnrollment();
  const revoke = useRevokeNode();
  const [enrollment, setEnrollment] = useState<Enrollment | null>(null);
  const [revoking, setRevoking] = useState<SyncNode | null>(null);

  // Enrolling and revoking happen on the hub; a workstation only shows the list it was sent.
  const onClient = status.data?.role === 'client';
  const thisNodeId = status.data?.nodeId;

  const closeRevoke = () => {
    setRevoking(null);
    revoke.reset();
  };
  const newCode = () => createEnrollment.mutate(undefined, { onSuccess: setEnrollment });

  return (
    <>
      <PageHeader
        title={t('nodes.title')}
        action={
          onClient
            ? undefined
            : {
                label: t('nodes.newCode'),
                testId: 'enrollment-new',
                onClick: newCode,
                loading: createEnrollment.isPending,
              }
        }
      />
      <Text size="sm" c="dimmed" mb="md">
        {t('nodes.intro')}
      </Text>
      <NodeStatusPanel />
      {onClient ? (
        <Alert color="blue" variant="light" mb="md" data-testid="nodes-on-client">
          {status.data?.hub ? t('nodes.onClientAt', { hub: status.data.hub }) : t('nodes.onClient')}
        </Alert>
      ) : null}
      {createEnrollment.error ? (
        <Box mb="md">
          <ProblemAlert error={createEnrollment.error} testId="enrollment-error" />
        </Box>
      ) : null}
      <DataTable
        testId="nodes-table"
        minWidth={620}
        columns={[t('nodes.fields.name'), t('nodes.fields.role'), t('nodes.fields.enrolled'), t('nodes.fields.status')]}
        withActions
        loading={nodes.isPending}
        error={nodes.error}
        empty={{ when: nodes.data?.length === 0, text: t('nodes.empty') }}
      >
        {(nodes.data ?? []).map((node) => (
          <Table.Tr key={node.nodeId} data-testid={`node-row-${node.name}`}>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Text fw={500} size="sm">
                  {node.name}
                </Text>
                {node.nodeId === thisNodeId ? (
                  <Badge size="xs" variant="outline" color="gray" tt="none">
                    {t('nodes.thisNode')}
                  </Badge>
                ) : null}
              </Group>
              <Text size="xs" c="dimmed" ff="monospace">
                {node.nodeId}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={node.role === 'hub' ? 'blue' : 'teal'}>
                {node.role === 'hub' ? t('nodes.role.hub') : t('nodes.role.client')}
              </Badge>
            </Table.Td>
            <Table.Td>
              <time dateTime={node.enrolledAt}>{format.dateTime(node.enrolledAt)}</time>
            </Table.Td>
            <Table.Td>
              {node.revokedAt ? (
                <Tooltip label={t('nodes.status.revokedAt', { time: format.dateTime(node.revokedAt) })}>
                  <Badge color="red" variant="light" tabIndex={0}>
                    {t('nodes.status.revoked')}
                  </Badge>
                </Tooltip>
              ) : (
                <Badge color="green" variant="light">
                  {t('nodes.status.active')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td ta="right">
              {node.role === 'client' && !node.revokedAt && !onClient ? (
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  onClick={() => setRevoking(node)}
                  aria-label={t('nodes.revokeNode', { name: node.name })}
                  data-testid={`node-revoke-${node.name}`}
                >
                  {t('nodes.revoke')}
                </Button>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <EnrollmentCodeModal enrollment={enrollment} onClose={() => setEnrollment(null)} />
      <ConfirmModal
        opened={revoking !== null}
        title={t('nodes.revokeConfirm.title')}
        confirmLabel={t('nodes.revoke')}
        onClose={closeRevoke}
        onConfirm={() => revoking && revoke.mutate(revoking.nodeId, { onSuccess: closeRevoke })}
        loading={revoke.isPending}
        error={revoke.error}
      >
        {revoking ? t('nodes.revokeConfirm.text', { name: revoking.name }) : null}
      </ConfirmModal>
    </>
  );
}
