import type { Order } from '@kontor/contracts';
import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

/** Where and when an order goes, who placed it from which node, and what the hub last said about it. */
export function OrderDetails({ order }: { order: Order }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="xs" data-testid="order-details">
      <Field label={t('supplies.fields.unit')} testId="order-unit">
        {order.unitName}
      </Field>
      <Field label={t('supplies.fields.requestedDate')}>{format.date(order.requestedDate)}</Field>
      <Field label={t('supplies.fields.deliveryAddress')}>{order.deliveryAddress}</Field>
      <Field label={t('supplies.fields.placed')}>
        {t('supplies.order.placedBy', { date: format.dateTime(order.createdAt), name: order.createdByName })}
      </Field>
      <Field label={t('supplies.fields.originNode')}>{order.originNodeName ?? order.originNode.slice(0, 8)}</Field>
      <Field label={t('supplies.fields.lastChanged')}>{format.dateTime(order.lastChangedAt)}</Field>
      {order.statusReason ? (
        <Field label={t('supplies.fields.statusReason')} testId="order-status-reason">
          {order.statusReason}
        </Field>
      ) : null}
      {order.note ? <Field label={t('supplies.fields.note')}>{order.note}</Field> : null}
    </SimpleGrid>
  );
}
