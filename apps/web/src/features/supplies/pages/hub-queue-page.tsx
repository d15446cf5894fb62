import { useTranslation } from 'react-i18next';
import { hubQueueFilters } from '../api/order-filters';
import { OrderList } from '../components/order-list';

/** The supply room's inbox: orders not yet confirmed, and those with a change request waiting for an answer. */
export function HubQueuePage() {
  const { t } = useTranslation();
  return <OrderList title={t('supplies.queue.title')} initialFilters={hubQueueFilters} hub />;
}
