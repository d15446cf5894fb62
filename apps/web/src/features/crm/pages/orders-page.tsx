import { Button, Group, Paper, Table, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DataTable } from '../../../app/data-table';
import { useFieldErrors } from '../../../app/form';
import { useFormat } from '../../../app/format';
import { PageHeader } from '../../../app/page-header';
import { useMoney } from '../../commerce-admin/operations/api/money';
import { useCrmPermissions } from '../api/crm-permissions';
import { type CrmOrderFilters, filtersFromSearch, filtersToSearch } from '../api/order-filters';
import { useOrderPages } from '../api/orders-api';
import { CrmProblemAlert, PartialNotice } from '../components/crm-alerts';
import { OrderCreateModal } from '../components/order-create-modal';
import { OrderFiltersForm } from '../components/order-filters-form';
import { CrmOrderStatusBadge } from '../components/order-status-badge';
import { SourceBadge } from '../components/source-badge';

/** The CRM's orders from both sources, newest first; the filters live in the address, so a list can be shared. */
export function OrdersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const may = useCrmPermissions();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearch(searchParams);
  const pages = useOrderPages(filters);
  const { fieldErrors, generalError } = useFieldErrors(pages.error);
  const [createOpened, createModal] = useDisclosure(false);
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const setFilters = (next: CrmOrderFilters) => setSearchParams(filtersToSearch(next));
  const { orders } = pages;
  return (
    <>
      <PageHeader
        title={t('crm.orders.title')}
        action={
          may.write ? { label: t('crm.orders.new'), testId: 'crm-order-new', onClick: createModal.open } : undefined
        }
      />
      <Paper withBorder p="sm" mb="md">
        <OrderFiltersForm
          key={searchParams.toString()}
          value={filters}
          onChange={setFilters}
          fieldErrors={fieldErrors}
        />
      </Paper>
      <PartialNotice show={pages.partial} />
      <CrmProblemAlert error={generalError} />
      <DataTable
        testId="crm-orders-table"
        minWidth={phone ? 320 : 900}
        columns={
          phone
            ? [t('crm.orders.number'), t('crm.orders.client'), { label: t('crm.orders.amount'), width: 110 }]
            : [
                t('crm.orders.number'),
                t('crm.orders.client'),
                t('crm.orders.text'),
                t('crm.orders.status'),
                { label: t('crm.orders.amount'), width: 130 },
                t('crm.orders.orderedAt'),
              ]
        }
        loading={pages.isPending}
        error={null}
        empty={{
          when: pages.isSuccess && orders.length === 0,
          text: t('crm.orders.empty'),
          testId: 'crm-orders-empty',
        }}
      >
        {orders.map((order) => (
          <Table.Tr key={order.ref} data-testid="crm-order-row" data-ref={order.ref} data-source={order.source}>
            <Table.Td>
              <Text size="sm" ff="monospace" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {order.number}
              </Text>
              <SourceBadge source={order.source} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{order.clientName ?? order.clientRef}</Text>
              {phone ? <CrmOrderStatusBadge status={order.status} /> : null}
            </Table.Td>
            {phone ? null : (
              <>
                <Table.Td>
                  <Text size="sm" lineClamp={2} title={order.text}>
                    {order.text}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <CrmOrderStatusBadge status={order.status} />
                </Table.Td>
              </>
            )}
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="crm-order-amount">
              {money(order.amountMinor, order.currency)}
            </Table.Td>
            {phone ? null : <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(order.orderedAt)}</Table.Td>}
          </Table.Tr>
        ))}
      </DataTable>
      {pages.hasNextPage ? (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            onClick={() => void pages.fetchNextPage()}
            loading={pages.isFetchingNextPage}
            data-testid="crm-orders-more"
          >
            {t('crm.loadMore')}
          </Button>
        </Group>
      ) : null}
      <OrderCreateModal opened={createOpened} onClose={createModal.close} />
    </>
  );
}
