import type { CrmOrderStatus } from '@kontor/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<CrmOrderStatus, string> = { new: 'blue', in_progress: 'yellow', done: 'green', cancelled: 'gray' };

export function CrmOrderStatusBadge({ status }: { status: CrmOrderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" miw="max-content" data-testid="crm-order-status" data-status={status}>
      {t(`crm.status.${status}`)}
    </Badge>
  );
}
