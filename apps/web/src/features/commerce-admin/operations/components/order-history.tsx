import type { ShopOrderDetail } from '@kontor/contracts';
import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../app/format';

/** The order's change history, oldest first: who moved it where, with notes and tracking numbers. */
export function OrderHistory({ order }: { order: ShopOrderDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const events = [...order.events].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} data-testid="order-history">
      {events.map((event) => (
        <Timeline.Item
          key={event.id}
          data-testid="history-event"
          data-kind={event.kind}
          title={
            event.toStatus
              ? event.fromStatus
                ? t('commerceOps.history.moved', {
                    from: t(`commerceOps.status.${event.fromStatus}`),
                    to: t(`commerceOps.status.${event.toStatus}`),
                  })
                : t(`commerceOps.status.${event.toStatus}`)
              : t(`commerceOps.history.kind.${event.kind}`)
          }
        >
          <Text size="xs" c="dimmed">
            <time dateTime={event.at}>{format.dateTime(event.at)}</time> · {event.actorName}
          </Text>
          {event.trackingNumber ? (
            <Text size="sm">
              {t('commerceOps.actions.trackingNumber')}:{' '}
              <Text span ff="monospace">
                {event.trackingNumber}
              </Text>
            </Text>
          ) : null}
          {event.note ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {event.note}
            </Text>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
