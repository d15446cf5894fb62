import type { ShopOrderStatus } from '@kontor/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<ShopOrderStatus, string> = {
  created: 'gray',
  paid: 'blue',
  shipped: 'indigo',
  delivered: 'green',
  cancelled: 'dark',
  returned: 'orange',
  refunded: 'grape',
};

export function OrderStatusBadge({ status }: { status: ShopOrderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" miw="max-content" data-testid="order-status" data-status={status}>
      {t(`commerceOps.status.${status}`)}
    </Badge>
  );
}
