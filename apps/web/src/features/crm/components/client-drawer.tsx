import type { CrmClient } from '@kontor/contracts';
import { Button, Divider, Drawer, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { useClient } from '../api/clients-api';
import { useCrmPermissions } from '../api/crm-permissions';
import { ClientOrders } from './client-orders';
import { CrmProblemAlert } from './crm-alerts';
import { SourceBadge } from './source-badge';

interface ClientDrawerProps {
  client: CrmClient | null;
  onClose: () => void;
  onEdit: (client: CrmClient) => void;
}

/** A client's details and orders beside the list, so the search stays where it was. */
export function ClientDrawer({ client, onClose, onEdit }: ClientDrawerProps) {
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  return (
    <Drawer
      opened={client !== null}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'lg'}
      title={client?.name}
      data-testid="crm-client-drawer"
    >
      {client ? <ClientDetails key={client.ref} initial={client} onEdit={onEdit} /> : null}
    </Drawer>
  );
}

function ClientDetails({ initial, onEdit }: { initial: CrmClient; onEdit: (client: CrmClient) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const may = useCrmPermissions();
  const fresh = useClient(initial.ref, initial);
  const client = fresh.data ?? initial;
  const fields = [
    [t('crm.clients.email'), client.email],
    [t('crm.clients.phone'), client.phone],
    [t('crm.clients.orgNumber'), client.orgNumber],
    [t('crm.clients.city'), client.city],
    [t('crm.clients.updatedAt'), format.dateTime(client.updatedAt)],
  ] as const;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="xs">
          <SourceBadge source={client.source} />
          <Text size="xs" c="dimmed" ff="monospace" data-testid="crm-client-ref">
            {client.ref}
          </Text>
        </Group>
        {may.write ? (
          <Button size="xs" variant="light" onClick={() => onEdit(client)} data-testid="crm-client-drawer-edit">
            {t('common.edit')}
          </Button>
        ) : null}
      </Group>
      <CrmProblemAlert error={fresh.error} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing="xs">
        {fields.map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text size="sm">{value || '—'}</Text>
          </div>
        ))}
      </SimpleGrid>
      <Divider />
      <ClientOrders clientRef={client.ref} />
    </Stack>
  );
}
