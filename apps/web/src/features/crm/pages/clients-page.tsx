import type { CrmClient } from '@kontor/contracts';
import { Anchor, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../app/data-table';
import { useFormat } from '../../../app/format';
import { PageHeader } from '../../../app/page-header';
import { useClientPages } from '../api/clients-api';
import { useCrmPermissions } from '../api/crm-permissions';
import { ClientDrawer } from '../components/client-drawer';
import { ClientCreateModal, ClientEditModal } from '../components/client-modals';
import { CrmProblemAlert, PartialNotice } from '../components/crm-alerts';
import { SourceBadge } from '../components/source-badge';

/** What the user types is sent once they pause, not on every key. */
const TYPING_PAUSE_MS = 300;

/** The CRM's clients, ours and the legacy CRM's as one list, found by name whatever the case and diacritics. */
export function ClientsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const may = useCrmPermissions();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, TYPING_PAUSE_MS);
  const pages = useClientPages(q);
  const [createOpened, createModal] = useDisclosure(false);
  const [shown, setShown] = useState<CrmClient | null>(null);
  const [editing, setEditing] = useState<CrmClient | null>(null);
  // A phone gets the name (with what identifies the client under it) and where it lives.
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const { clients } = pages;
  return (
    <>
      <PageHeader
        title={t('crm.clients.title')}
        action={
          may.write ? { label: t('crm.clients.new'), testId: 'crm-client-new', onClick: createModal.open } : undefined
        }
      />
      <TextInput
        type="search"
        label={t('crm.clients.search')}
        description={t('crm.clients.searchHint')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={420}
        mb="md"
        data-testid="crm-clients-search"
        autoComplete="off"
      />
      <PartialNotice show={pages.partial} />
      <CrmProblemAlert error={pages.error} />
      <DataTable
        testId="crm-clients-table"
        minWidth={phone ? 300 : 760}
        columns={
          phone
            ? [t('crm.clients.name'), t('crm.clients.source')]
            : [
                t('crm.clients.name'),
                t('crm.clients.email'),
                t('crm.clients.phone'),
                t('crm.clients.city'),
                t('crm.clients.source'),
              ]
        }
        withActions={may.write && !phone}
        loading={pages.isPending}
        error={null}
        empty={{
          when: pages.isSuccess && clients.length === 0,
          text: q.trim() ? t('crm.clients.noMatch') : t('crm.clients.empty'),
          testId: 'crm-clients-empty',
        }}
        caption={
          clients.length
            ? t('crm.clients.shown', { count: clients.length, shown: format.number(clients.length) })
            : null
        }
      >
        {clients.map((client) => (
          <Table.Tr key={client.ref} data-testid="crm-client-row" data-ref={client.ref} data-source={client.source}>
            <Table.Td>
              <Anchor component="button" type="button" fw={500} size="sm" ta="left" onClick={() => setShown(client)}>
                {client.name}
              </Anchor>
              {phone ? (
                <Text size="xs" c="dimmed">
                  {[client.phone, client.city].filter(Boolean).join(' · ')}
                </Text>
              ) : null}
            </Table.Td>
            {phone ? null : (
              <>
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {client.email}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="crm-client-phone-cell">
                  {client.phone}
                </Table.Td>
                <Table.Td>{client.city}</Table.Td>
              </>
            )}
            <Table.Td>
              <SourceBadge source={client.source} />
            </Table.Td>
            {may.write && !phone ? (
              <Table.Td ta="right">
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() => setEditing(client)}
                  data-testid="crm-client-edit"
                >
                  {t('common.edit')}
                </Button>
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </DataTable>
      {pages.hasNextPage ? (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            onClick={() => void pages.fetchNextPage()}
            loading={pages.isFetchingNextPage}
            data-testid="crm-clients-more"
          >
            {t('crm.loadMore')}
          </Button>
        </Group>
      ) : null}
      <ClientCreateModal opened={createOpened} onClose={createModal.close} />
      <ClientDrawer client={shown} onClose={() => setShown(null)} onEdit={setEditing} />
      <ClientEditModal client={editing} onClose={() => setEditing(null)} />
    </>
  );
}
