import { Anchor, Badge, Button, Group, Paper, Table, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../../app/data-table';
import { useFieldErrors } from '../../../../app/form';
import { useFormat } from '../../../../app/format';
import { PageHeader } from '../../../../app/page-header';
import { useMoney } from '../api/money';
import { noOrderFilters } from '../api/order-filters';
import { useOrders } from '../api/orders-api';
import { OperationsNav } from '../components/operations-nav';
import { OrderFiltersForm } from '../components/order-filters-form';
import { OrderStatusBadge } from '../components/order-status-badge';

/** The shop's orders, newest first, filtered by status, days and words; more pages on request (keyset). */
export function OrdersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const [filters, setFilters] = useState(noOrderFilters);
  const orders = useOrders(filters);
  const { fieldErrors, generalError } = useFieldErrors(orders.error);
  const list = orders.data?.pages.flatMap((page) => page.items) ?? [];
  // Below Mantine's `sm` a phone gets the number, status and total; the rest is one tap away on the order.
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  return (
    <>
      <OperationsNav />
      <PageHeader title={t('commerceOps.orders.title')} />
      <Paper withBorder p="sm" mb="md">
        <OrderFiltersForm value={filters} onChange={setFilters} fieldErrors={fieldErrors} />
      </Paper>
      <DataTable
        testId="orders-table"
        minWidth={phone ? 300 : 820}
        columns={
          phone
            ? [t('commerceOps.orders.number'), t('commerceOps.orders.status'), t('commerceOps.orders.total')]
            : [
                t('commerceOps.orders.number'),
                t('commerceOps.orders.created'),
                t('commerceOps.orders.customer'),
                t('commerceOps.orders.status'),
                { label: t('commerceOps.orders.total'), width: 140 },
              ]
        }
        loading={orders.isPending}
        error={generalError}
        empty={{
          when: orders.isSuccess && list.length === 0,
          text: t('commerceOps.orders.empty'),
          testId: 'orders-empty',
        }}
      >
        {list.map((order) => (
          <Table.Tr key={order.id} data-testid="order-row" data-number={order.displayNumber}>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Anchor component={Link} to={`/commerce/orders/${order.id}`} fw={600} ff="monospace" size="sm">
                  {order.displayNumber}
                </Anchor>
                {order.reviewReason ? (
                  <Tooltip label={order.reviewReason}>
                    <Badge color="red" size="xs" tabIndex={0} data-testid="order-review">
                      {t('commerceOps.orders.review')}
                    </Badge>
                  </Tooltip>
                ) : null}
              </Group>
            </Table.Td>
            {phone ? null : (
              <>
                <Table.Td>{format.dateTime(order.createdAt)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{order.customerName}</Text>
                  <Text size="xs" c="dimmed">
                    {order.email}
                  </Text>
                </Table.Td>
              </>
            )}
            <Table.Td>
              <OrderStatusBadge status={order.status} />
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {money(order.totalMinor, order.currency)}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {orders.hasNextPage ? (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            onClick={() => void orders.fetchNextPage()}
            loading={orders.isFetchingNextPage}
            data-testid="orders-more"
          >
            {t('commerceOps.orders.more')}
          </Button>
        </Group>
      ) : null}
    </>
  );
}
