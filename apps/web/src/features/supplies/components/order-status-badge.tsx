import type { Order } from '@kontor/contracts';
import { Badge, type BadgeProps, Tooltip } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { orderBadge, orderBadgeColors } from '../api/order-badge';

/** The badge's words: "Rejected: <the hub's reason>", "Saved locally", "Sent", or the hub's status. */
export function orderBadgeText(t: TFunction, order: Pick<Order, 'status' | 'delivery' | 'deliveryReason'>): string {
  const { kind, reason } = orderBadge(order);
  return kind === 'rejected'
    ? t('supplies.badge.rejectedBecause', { reason: reason || t('supplies.badge.noReason') })
    : t(`supplies.badge.${kind}`);
}

/** Whether the order reached the hub and what the hub made of it, in one word (and the refusal's reason). */
export function OrderStatusBadge({
  order,
  size,
}: {
  order: Pick<Order, 'status' | 'delivery' | 'deliveryReason'>;
  size?: BadgeProps['size'];
}) {
  const { t } = useTranslation();
  const { kind } = orderBadge(order);
  const label = orderBadgeText(t, order);
  const badge = (
    <Badge
      color={orderBadgeColors[kind]}
      variant={kind === 'local' ? 'outline' : 'light'}
      // Yellow text on white is hard to read: the outline carries the colour, the words stay dark.
      c={kind === 'local' ? 'dark' : undefined}
      tt="none"
      size={size}
      maw="100%"
      h="auto"
      py={2}
      // A refusal's reason may be a sentence: it wraps instead of being cut off.
      styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
      style={{ flexShrink: 0 }}
      data-testid="order-status"
      data-kind={kind}
    >
      {label}
    </Badge>
  );
  return kind === 'local' ? <Tooltip label={t('supplies.badge.localHint')}>{badge}</Tooltip> : badge;
}
