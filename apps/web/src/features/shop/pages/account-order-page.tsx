import { Button, Center, Group, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { useMe } from '../../auth/api/session';
import { receiptHref, useRestartPayment, useShopOrder } from '../api/order-api';
import { OrderDetails, OrderStatusBadge } from '../components/order-details';
import { ShopProblemAlert } from '../components/shop-problem';
import { useShopFormat } from '../components/use-shop-format';
import { useShopTitle } from '../components/use-shop-title';
import { safeRedirect } from '../lib/order-progress';

/** One of the signed-in customer's orders, with its history and receipt. */
export function AccountOrderPage() {
  const { t } = useTranslation();
  const format = useShopFormat();
  const { id = '' } = useParams();
  const me = useMe();
  const order = useShopOrder(id, null, () => false);
  const pay = useRestartPayment(id, null);
  useShopTitle(order.data ? t('shop.order.title', { number: order.data.displayNumber }) : t('shop.order.titlePlain'));

  if (me.isPending || (me.data && order.isPending))
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (!me.data)
    return <Navigate to={`/shop/account?returnTo=/shop/account/orders/${encodeURIComponent(id)}`} replace />;
  const back = (
    <p>
      <Link to="/shop/account" data-testid="account-order-back">
        {t('shop.account.backToOrders')}
      </Link>
    </p>
  );
  if (order.error || !order.data)
    return (
      <>
        {back}
        <ShopProblemAlert error={order.error} testId="account-order-error" />
      </>
    );
  const data = order.data;
  const paid = data.paidAt !== null;
  return (
    <article data-testid="account-order" data-order-status={data.status}>
      {back}
      <h1 data-testid="order-number">{t('shop.order.title', { number: data.displayNumber })}</h1>
      <Group gap="sm" mb="md">
        <OrderStatusBadge status={data.status} testId="order-status" />
        <span className="wg-muted">{t('shop.order.placed', { date: format.date(data.createdAt) })}</span>
      </Group>
      {data.status === 'created' ? (
        <Group mb="md">
          <Button
            onClick={() =>
              pay.mutate(undefined, {
                onSuccess: (answer) => {
                  const target = safeRedirect(answer.redirectUrl, window.location.href);
                  if (target) window.location.assign(target);
                },
              })
            }
            loading={pay.isPending}
            data-testid="account-order-pay"
          >
            {t('shop.order.payNow')}
          </Button>
        </Group>
      ) : null}
      <ShopProblemAlert error={pay.error} />
      {paid ? (
        <p>
          <a href={receiptHref(data.id, null)} download data-testid="order-receipt">
            {t('shop.order.receipt')}
          </a>
        </p>
      ) : null}
      {data.history.length > 0 ? (
        <section aria-labelledby="order-history-title" style={{ marginBottom: '1.5rem' }}>
          <h2 id="order-history-title">{t('shop.order.historyTitle')}</h2>
          <ol className="wg-history" data-testid="order-history">
            {data.history.map((entry) => (
              <li key={`${entry.at}-${entry.status}`}>
                <span className="wg-muted">{format.date(entry.at)}</span> {t(`shop.orderStatus.${entry.status}`)}
                {entry.trackingNumber ? ` · ${t('shop.order.tracking', { number: entry.trackingNumber })}` : ''}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <OrderDetails order={data} />
    </article>
  );
}
