import type { Order } from '@kontor/contracts';
import { Anchor, Checkbox, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import { OrderStatusBadge } from './order-status-badge';

interface OrderRowProps {
  order: Order;
  now: number;
  /** On a phone: two columns (what and for whom; where it stands), so nothing scrolls sideways. */
  compact: boolean;
  selection?: { checked: boolean; disabled: boolean; onChange: (checked: boolean) => void };
}

/** One order in a list: its number and unit, its badge, when it is wanted, placed and last changed. */
export function OrderRow({ order, now, compact, selection }: OrderRowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const openRequest = order.requests.some((request) => request.decision === null);
  const number = (
    <>
      <Anchor component={Link} to={`/supplies/orders/${order.id}`} fw={600} ff="monospace" size="sm">
        {order.number}
      </Anchor>
      <Text size="xs" c="dimmed">
        {t('supplies.orders.lineCount', { count: order.lines.length })}
        {openRequest ? ` · ${t('supplies.orders.openRequest')}` : ''}
      </Text>
    </>
  );
  const lastChanged = (
    <time dateTime={order.lastChangedAt} title={format.dateTime(order.lastChangedAt)}>
      {format.relativeTime(order.lastChangedAt, now)}
    </time>
  );

  return (
    <Table.Tr data-testid="order-row" data-number={order.number}>
      {selection ? (
        <Table.Td>
          <Checkbox
            aria-label={t('supplies.queue.selectOrder', { number: order.number })}
            checked={selection.checked}
            disabled={selection.disabled}
            onChange={(event) => selection.onChange(event.currentTarget.checked)}
            data-testid="order-select"
          />
        </Table.Td>
      ) : null}
      {compact ? (
        <>
          <Table.Td>
            {number}
            <Text size="sm">{order.unitName}</Text>
            <Text size="xs" c="dimmed">
              {t('supplies.orders.wanted', { date: format.date(order.requestedDate) })}
            </Text>
          </Table.Td>
          <Table.Td>
            <Stack gap={4} align="flex-start">
              <OrderStatusBadge order={order} />
              <Text size="xs" c="dimmed" data-testid="order-last-changed">
                {lastChanged}
              </Text>
            </Stack>
          </Table.Td>
        </>
      ) : (
        <>
          <Table.Td>{number}</Table.Td>
          <Table.Td>
            <Text size="sm">{order.unitName}</Text>
          </Table.Td>
          <Table.Td>
            <OrderStatusBadge order={order} />
          </Table.Td>
          <Table.Td>
            <Text size="sm">{format.date(order.requestedDate)}</Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">
              <time dateTime={order.createdAt}>{format.dateTime(order.createdAt)}</time>
            </Text>
            <Text size="xs" c="dimmed">
              {order.createdByName}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm" data-testid="order-last-changed">
              {lastChanged}
            </Text>
          </Table.Td>
        </>
      )}
    </Table.Tr>
  );
}
