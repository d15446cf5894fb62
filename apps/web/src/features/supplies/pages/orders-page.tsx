import { useTranslation } from 'react-i18next';
import { noOrderFilters } from '../api/order-filters';
import { OrderList } from '../components/order-list';

/** The unit's orders, newest first, each with whether it reached the hub and what the hub made of it. */
export function OrdersPage() {
  const { t } = useTranslation();
  return <OrderList title={t('supplies.orders.title')} initialFilters={noOrderFilters} />;
}
