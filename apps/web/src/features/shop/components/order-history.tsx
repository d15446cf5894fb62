import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccountOrders } from '../api/account-api';
import { OrderStatusBadge } from './order-details';
import { ShopProblemAlert } from './shop-problem';
import { useShopFormat } from './use-shop-format';

/** The customer's orders, newest first, each opening its detail page. */
export function OrderHistory() {
  const { t } = useTranslation();
  const format = useShopFormat();
  const orders = useAccountOrders(true);
  if (orders.isPending)
    return (
      <Center py="md">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  if (orders.error) return <ShopProblemAlert error={orders.error} testId="account-orders-error" />;
  if (orders.data.items.length === 0)
    return (
      <p className="wg-muted" data-testid="account-orders-empty">
        {t('shop.account.noOrders')}
      </p>
    );
  return (
    <ul className="wg-lines" data-testid="account-orders">
      {orders.data.items.map((order) => (
        <li key={order.id} className="wg-line" data-testid={`account-order-${order.displayNumber}`}>
          <div>
            <p className="wg-line-name">
              <Link to={`/shop/account/orders/${order.id}`} data-testid={`account-order-link-${order.displayNumber}`}>
                {t('shop.order.title', { number: order.displayNumber })}
              </Link>
            </p>
            <p className="wg-line-meta">{format.date(order.createdAt)}</p>
          </div>
          <div className="wg-line-total">{format.money(order.totalMinor, order.currency)}</div>
          <div className="wg-line-controls">
            <OrderStatusBadge status={order.status} />
          </div>
        </li>
      ))}
    </ul>
  );
}
