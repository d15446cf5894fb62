import type { ShopOrderDetail } from '@kontor/contracts';
import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../../../app/format';
import { PageLoader } from '../../../../app/guards';
import { ProblemAlert } from '../../../../app/problem-alert';
import { useOrder } from '../api/orders-api';
import { OrderActions } from '../components/order-actions';
import { OrderHistory } from '../components/order-history';
import { OrderLines, OrderTotals } from '../components/order-lines';
import { OrderPayments } from '../components/order-payments';
import { OrderStatusBadge } from '../components/order-status-badge';

type Address = ShopOrderDetail['billingAddress'];

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title} data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function AddressLines({ address }: { address: Address }) {
  return (
    <Text size="sm" component="address" style={{ fontStyle: 'normal' }}>
      {[
        address.name,
        address.company,
        address.line1,
        address.line2,
        `${address.postalCode} ${address.city}`,
        address.country,
        address.phone,
      ]
        .filter(Boolean)
        .map((line) => (
          <span key={line} style={{ display: 'block' }}>
            {line}
          </span>
        ))}
    </Text>
  );
}

/** One order for the shop's staff: who, where to, what, what it cost with VAT, the money, and its history. */
export function OrderPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const query = useOrder(id);
  if (query.isPending) return <PageLoader />;
  if (query.error) return <ProblemAlert error={query.error} testId="order-error" />;
  const order = query.data;
  return (
    <Stack gap="md" data-testid="order-detail" data-status={order.status}>
      <Anchor component={Link} to="/commerce/orders" size="sm">
        ← {t('commerceOps.detail.back')}
      </Anchor>
      <Group justify="space-between" align="center" gap="sm">
        <Group gap="sm">
          <Title order={1} size="h2" ff="monospace" data-testid="order-number">
            {order.displayNumber}
          </Title>
          <OrderStatusBadge status={order.status} />
          <Text size="sm" c="dimmed">
            {t('commerceOps.detail.placed', { at: format.dateTime(order.createdAt) })}
          </Text>
        </Group>
        <OrderActions order={order} />
      </Group>
      {order.reviewReason ? (
        <Alert color="red" title={t('commerceOps.detail.reviewTitle')} data-testid="order-review-reason">
          {order.reviewReason}
        </Alert>
      ) : null}
      {order.trackingNumber ? (
        <Text size="sm" data-testid="order-tracking">
          {t('commerceOps.actions.trackingNumber')}:{' '}
          <Text span ff="monospace">
            {order.trackingNumber}
          </Text>
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Section title={t('commerceOps.detail.customer')} testId="order-customer">
          <Text size="sm" fw={600}>
            {order.customerName}
          </Text>
          {order.companyName ? (
            <Text size="sm">
              {order.companyName}
              {order.orgNumber ? ` (${order.orgNumber})` : ''}
            </Text>
          ) : null}
          <Anchor href={`mailto:${order.email}`} size="sm" display="block">
            {order.email}
          </Anchor>
          {order.phone ? <Text size="sm">{order.phone}</Text> : null}
          <Group gap={4} mt="xs">
            <Badge variant="light" size="sm">
              {t(`commerceOps.detail.kind.${order.customerKind}`)}
            </Badge>
            <Badge variant="outline" size="sm" tt="none">
              {order.locale}
            </Badge>
          </Group>
        </Section>
        <Section title={t('commerceOps.detail.shipping')} testId="order-shipping">
          <Text size="sm" fw={600}>
            {order.shipping.name}
            {order.shipping.scheduled ? (
              <Badge ml={6} size="xs" color="teal" variant="light">
                {t('commerceOps.detail.scheduled')}
              </Badge>
            ) : null}
          </Text>
          <AddressLines address={order.shipping.address} />
        </Section>
        <Section title={t('commerceOps.detail.billing')} testId="order-billing">
          <AddressLines address={order.billingAddress} />
        </Section>
      </SimpleGrid>
      <Section title={t('commerceOps.detail.lines')} testId="order-lines-section">
        <OrderLines order={order} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="md">
          <div />
          <OrderTotals order={order} />
        </SimpleGrid>
      </Section>
      <SimpleGrid cols={{ base: 1, xl: 2 }}>
        <Section title={t('commerceOps.detail.payments')} testId="order-payments-section">
          <OrderPayments order={order} />
        </Section>
        <Section title={t('commerceOps.detail.history')} testId="order-history-section">
          <OrderHistory order={order} />
        </Section>
      </SimpleGrid>
    </Stack>
  );
}
