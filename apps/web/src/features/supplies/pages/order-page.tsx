import { Anchor, Breadcrumbs, Button, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoader } from '../../../app/guards';
import { ProblemAlert } from '../../../app/problem-alert';
import { useSuppliesRoles } from '../api/can-manage';
import { useOrder, useOrdersLive } from '../api/orders-api';
import { HubActions } from '../components/hub-actions';
import { OrderDetails } from '../components/order-details';
import { OrderLinesTable } from '../components/order-lines-table';
import { OrderStatusBadge } from '../components/order-status-badge';
import { OwnerActions } from '../components/owner-actions';
import { RequestList } from '../components/request-list';

/** One order: where it stands, its lines, and what the unit or the hub's staff may do with it now. */
export function OrderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  useOrdersLive();
  const order = useOrder(id);
  const { canOrder, canManage } = useSuppliesRoles();
  if (order.isPending) return <PageLoader />;
  if (order.error) return <ProblemAlert error={order.error} />;
  const data = order.data;

  return (
    <Stack gap="lg" data-testid="order-page">
      <div>
        <Breadcrumbs separator="›" mb="xs">
          <Anchor component={Link} to="/supplies/orders" size="sm">
            {t('supplies.orders.title')}
          </Anchor>
          <Anchor component={Link} to={`/supplies/orders/${data.id}`} size="sm">
            {data.number}
          </Anchor>
        </Breadcrumbs>
        <Group justify="space-between" align="flex-start" gap="sm">
          <Group gap="sm" align="center">
            <Title order={1} size="h2" ff="monospace" data-testid="order-number">
              {data.number}
            </Title>
            <OrderStatusBadge order={data} size="lg" />
          </Group>
          <Button component={Link} to={`/supplies/orders/${data.id}/print`} variant="default" data-testid="order-print">
            {t('supplies.print.open')}
          </Button>
        </Group>
      </div>
      <OrderDetails order={data} />
      {canOrder ? <OwnerActions order={data} /> : null}
      {canManage ? <HubActions order={data} /> : null}
      <section aria-labelledby="order-lines-title">
        <Title order={2} size="h4" id="order-lines-title" mb="xs">
          {t('supplies.order.lines')}
        </Title>
        <OrderLinesTable lines={data.lines} />
      </section>
      {data.requests.length > 0 ? (
        <section aria-labelledby="order-requests-title">
          <Title order={2} size="h4" id="order-requests-title" mb="xs">
            {t('supplies.requests.title')}
          </Title>
          <RequestList requests={data.requests} canDecide={canManage} />
        </section>
      ) : null}
    </Stack>
  );
}
