import type { Order } from '@kontor/contracts';
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../app/problem-alert';
import { useSetOrderStatus } from '../api/orders-api';

/** Marks the chosen new orders received, one request each, stopping at the first the hub refuses. */
export function BulkReceiveButton({ orders, onDone }: { orders: Order[]; onDone: () => void }) {
  const { t } = useTranslation();
  const setStatus = useSetOrderStatus();
  const run = async () => {
    for (const order of orders) await setStatus.mutateAsync({ id: order.id, status: 'received' });
    onDone();
  };
  return (
    <Group gap="xs">
      {setStatus.error ? <ProblemAlert error={setStatus.error} /> : null}
      <Button
        size="xs"
        disabled={orders.length === 0}
        loading={setStatus.isPending}
        onClick={() => void run().catch(() => undefined)}
        data-testid="orders-bulk-receive"
      >
        {orders.length === 0
          ? t('supplies.queue.markReceivedNone')
          : t('supplies.queue.markReceived', { count: orders.length })}
      </Button>
    </Group>
  );
}
