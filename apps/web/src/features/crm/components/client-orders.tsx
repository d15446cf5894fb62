import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../app/data-table';
import { useFormat } from '../../../app/format';
import { useMoney } from '../../commerce-admin/operations/api/money';
import { filtersToSearch, noCrmOrderFilters } from '../api/order-filters';
import { useOrderPages } from '../api/orders-api';
import { PartialNotice } from './crm-alerts';
import { CrmOrderStatusBadge } from './order-status-badge';

const PAGE_SIZE = 20;

/** A client's orders, newest first, from both sources: a short list, with the way to the full order list. */
export function ClientOrders({ clientRef }: { clientRef: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const filters = { ...noCrmOrderFilters, client: clientRef };
  const orders = useOrderPages(filters, PAGE_SIZE);
  return (
    <>
      <Group justify="space-between" align="baseline" mb="xs">
        <Text fw={600}>{t('crm.orders.title')}</Text>
        <Anchor
          component={Link}
          to={`/crm/orders?${filtersToSearch(filters)}`}
          size="sm"
          data-testid="crm-client-all-orders"
        >
          {t('crm.clients.allOrders')}
        </Anchor>
      </Group>
      <PartialNotice show={orders.partial} />
      <DataTable
        testId="crm-client-orders"
        minWidth={380}
        columns={[t('crm.orders.number'), t('crm.orders.status'), t('crm.orders.amount'), t('crm.orders.orderedAt')]}
        loading={orders.isPending}
        error={orders.error}
        empty={{ when: orders.isSuccess && orders.orders.length === 0, text: t('crm.orders.empty') }}
      >
        {orders.orders.map((order) => (
          <Table.Tr key={order.ref} data-testid="crm-client-order" data-ref={order.ref}>
            <Table.Td ff="monospace">{order.number}</Table.Td>
            <Table.Td>
              <CrmOrderStatusBadge status={order.status} />
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {money(order.amountMinor, order.currency)}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(order.orderedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {orders.hasNextPage ? (
        <Group justify="center" mt="sm">
          <Button
            variant="default"
            size="xs"
            onClick={() => void orders.fetchNextPage()}
            loading={orders.isFetchingNextPage}
          >
            {t('crm.loadMore')}
          </Button>
        </Group>
      ) : null}
    </>
  );
}
