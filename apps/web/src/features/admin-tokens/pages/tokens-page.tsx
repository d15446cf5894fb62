import type { ApiToken, ApiTokenCreated } from '@kontor/contracts';
import { Badge, Button, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../app/confirm-modal';
import { BadgeList, DataTable } from '../../../app/data-table';
import { useFormat } from '../../../app/format';
import { PageHeader } from '../../../app/page-header';
import { tokenState, useRevokeToken, useTokens } from '../api/tokens-api';
import { TokenCreateModal } from '../components/token-create-modal';
import { TokenSecretModal } from '../components/token-secret-modal';

const stateColors = { active: 'green', expired: 'gray', revoked: 'red' } as const;

export function TokensPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [createOpened, createModal] = useDisclosure(false);
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const closeRevoke = () => {
    setRevoking(null);
    revoke.reset();
  };
  const stateLabel = {
    active: t('tokens.state.active'),
    expired: t('tokens.state.expired'),
    revoked: t('tokens.state.revoked'),
  };
  const when = (iso: string | null, empty: string) =>
    iso ? (
      <time dateTime={iso}>{format.dateTime(iso)}</time>
    ) : (
      <Text span c="dimmed" size="sm">
        {empty}
      </Text>
    );

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        action={{ label: t('tokens.new'), testId: 'token-new', onClick: createModal.open }}
      />
      <Text size="sm" c="dimmed" mb="md">
        {t('tokens.intro')}
      </Text>
      <DataTable
        testId="tokens-table"
        minWidth={900}
        columns={[
          t('tokens.fields.name'),
          t('tokens.fields.user'),
          t('tokens.fields.permissions'),
          t('tokens.fields.created'),
          t('tokens.fields.expires'),
          t('tokens.fields.lastUsed'),
          t('tokens.fields.state'),
        ]}
        withActions
        loading={tokens.isPending}
        error={tokens.error}
        empty={{ when: tokens.data?.length === 0, text: t('tokens.empty') }}
      >
        {(tokens.data ?? []).map((token) => {
          const state = tokenState(token);
          return (
            <Table.Tr key={token.id} data-testid={`token-row-${token.name}`}>
              <Table.Td>
                <Text fw={500} size="sm">
                  {token.name}
                </Text>
              </Table.Td>
              <Table.Td>{token.username}</Table.Td>
              <Table.Td>
                <BadgeList items={token.permissions.map((key) => ({ key, label: key }))} />
              </Table.Td>
              <Table.Td>{when(token.createdAt, '')}</Table.Td>
              <Table.Td>{when(token.expiresAt, t('tokens.neverExpires'))}</Table.Td>
              <Table.Td>{when(token.lastUsedAt, t('tokens.neverUsed'))}</Table.Td>
              <Table.Td>
                <Badge color={stateColors[state]} variant="light">
                  {stateLabel[state]}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">
                {state === 'active' ? (
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    onClick={() => setRevoking(token)}
                    aria-label={t('tokens.revokeToken', { name: token.name })}
                    data-testid={`token-revoke-${token.name}`}
                  >
                    {t('tokens.revoke')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
      <TokenCreateModal opened={createOpened} onClose={createModal.close} onCreated={setCreated} />
      <TokenSecretModal token={created} onClose={() => setCreated(null)} />
      <ConfirmModal
        opened={revoking !== null}
        title={t('tokens.revokeConfirm.title')}
        confirmLabel={t('tokens.revoke')}
        onClose={closeRevoke}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: closeRevoke })}
        loading={revoke.isPending}
        error={revoke.error}
      >
        {revoking ? t('tokens.revokeConfirm.text', { name: revoking.name }) : null}
      </ConfirmModal>
    </>
  );
}
