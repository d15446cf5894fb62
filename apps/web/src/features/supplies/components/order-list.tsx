import type { Order } from '@kontor/contracts';
import { Button, Collapse, Group, Paper } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../app/data-table';
import { useFieldErrors } from '../../../app/form';
import { PageHeader } from '../../../app/page-header';
import { useNow } from '../../sync/components/sync-indicator';
import { useOrderingUnits } from '../api/catalog-api';
import { exportHref, type OrderFilters } from '../api/order-filters';
import { useOrders, useOrdersLive } from '../api/orders-api';
import { BulkReceiveButton } from './bulk-receive-button';
import { OrderFiltersForm } from './order-filters-form';
import { OrderRow } from './order-row';

interface OrderListProps {
  title: string;
  initialFilters: OrderFilters;
  /** The hub's queue: its filters, and boxes to mark several new orders received at once. */
  hub?: boolean;
}

/** "Last changed 2 minutes ago" moves on without a fetch. */
const CLOCK_TICK_MS = 30_000;
/** Mantine's `sm`: below it a phone gets two columns and the filters behind a button. */
const PHONE = '(max-width: 48em)';

/** Only a new order that reached the hub can be taken in (received). */
const receivable = (order: Order) => order.status === 'new' && order.delivery !== 'local';

/** Orders with their filters, updated live as they are sent, refused or given a status; exportable as shown. */
export function OrderList({ title, initialFilters, hub = false }: OrderListProps) {
  const { t } = useTranslation();
  const now = useNow(CLOCK_TICK_MS);
  const live = useOrdersLive();
  const phone = useMediaQuery(PHONE) ?? false;
  const [filtersOpen, filtersToggle] = useDisclosure(false);
  const [filters, setFilters] = useState(initialFilters);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const orders = useOrders(filters);
  const units = useOrderingUnits();
  const { fieldErrors, generalError } = useFieldErrors(orders.error);
  const list = orders.data?.orders ?? [];
  const toggle = (id: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const chosen = list.filter((order) => selected.has(order.id) && receivable(order));
  const columns = phone
    ? [t('supplies.fields.number'), t('supplies.fields.status')]
    : [
        t('supplies.fields.number'),
        t('supplies.fields.unit'),
        t('supplies.fields.status'),
        t('supplies.fields.requestedDate'),
        t('supplies.fields.placed'),
        t('supplies.fields.lastChanged'),
      ];

  return (
    <>
      <PageHeader title={title} live={live} />
      {phone ? (
        <Button variant="default" fullWidth mb="sm" onClick={filtersToggle.toggle} aria-expanded={filtersOpen}>
          {t('supplies.filters.toggle')}
        </Button>
      ) : null}
      <Collapse expanded={!phone || filtersOpen}>
        <Paper withBorder p="sm" mb="md">
          <OrderFiltersForm
            value={filters}
            onChange={setFilters}
            units={units.data ?? []}
            fieldErrors={fieldErrors}
            hub={hub}
          />
        </Paper>
      </Collapse>
      <Group justify="space-between" mb="xs" gap="xs">
        <Group gap="xs">
          {(['csv', 'xlsx'] as const).map((exportFormat) => (
            <Button
              key={exportFormat}
              component="a"
              href={exportHref(filters, exportFormat)}
              download
              variant="default"
              size="xs"
              data-testid={`orders-export-${exportFormat}`}
            >
              {t(`supplies.export.${exportFormat}`)}
            </Button>
          ))}
        </Group>
        {hub ? <BulkReceiveButton orders={chosen} onDone={() => setSelected(new Set())} /> : null}
      </Group>
      <DataTable
        testId="orders-table"
        minWidth={phone ? 300 : 760}
        columns={hub ? [{ label: t('supplies.queue.select'), hidden: true, width: 36 }, ...columns] : columns}
        loading={orders.isPending}
        error={generalError}
        caption={orders.data ? t('supplies.orders.caption', { shown: list.length, total: orders.data.total }) : null}
        empty={{
          when: orders.isSuccess && list.length === 0,
          text: t('supplies.orders.empty'),
          testId: 'orders-empty',
        }}
      >
        {list.map((order) => (
          <OrderRow
            key={order.id}
            order={order}
            now={now}
            compact={phone}
            selection={
              hub
                ? {
                    checked: selected.has(order.id),
                    disabled: !receivable(order),
                    onChange: (checked) => toggle(order.id, checked),
                  }
                : undefined
            }
          />
        ))}
      </DataTable>
    </>
  );
}
