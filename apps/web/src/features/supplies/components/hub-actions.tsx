import type { Order } from '@kontor/contracts';
import { nextStatuses } from '@kontor/contracts';
import { Button, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../app/problem-alert';
import { usualNextStatus } from '../api/hub-status';
import { useSetOrderStatus } from '../api/orders-api';
import { ReasonFormModal } from './reason-form-modal';

/** The steps the supply room takes, in order; cancelling is apart, as it needs a reason. */
const STEPS = ['received', 'confirmed', 'delivered'] as const;

/** The hub staff's buttons: received, confirmed, delivered, or cancelled with a reason; only those allowed now. */
export function HubActions({ order }: { order: Order }) {
  const { t } = useTranslation();
  const setStatus = useSetOrderStatus();
  const [cancelling, setCancelling] = useState(false);
  const allowed = nextStatuses(order.status);
  if (allowed.length === 0) return null;
  const usual = usualNextStatus(order.status);

  return (
    <Paper withBorder p="sm" data-print="hide" data-testid="hub-actions">
      <Text size="sm" fw={600} mb="xs">
        {t('supplies.hub.title')}
      </Text>
      <Group gap="xs">
        {STEPS.filter((status) => allowed.includes(status)).map((status) => (
          <Button
            key={status}
            variant={status === usual ? 'filled' : 'light'}
            loading={setStatus.isPending && setStatus.variables?.status === status}
            onClick={() => setStatus.mutate({ id: order.id, status })}
            data-testid={`hub-status-${status}`}
          >
            {t(`supplies.hub.mark.${status}`)}
          </Button>
        ))}
        <Button variant="light" color="red" onClick={() => setCancelling(true)} data-testid="hub-status-cancelled">
          {t('supplies.hub.cancel')}
        </Button>
      </Group>
      {setStatus.error && !cancelling ? <ProblemAlert error={setStatus.error} testId="hub-status-error" /> : null}
      <ReasonFormModal
        opened={cancelling}
        onClose={() => setCancelling(false)}
        title={t('supplies.hub.cancelTitle', { number: order.number })}
        label={t('supplies.hub.reason')}
        submitLabel={t('supplies.hub.cancel')}
        submitTestId="hub-cancel-submit"
        required
        onSubmit={(reason) =>
          setStatus.mutate({ id: order.id, status: 'cancelled', reason }, { onSuccess: () => setCancelling(false) })
        }
        submitting={setStatus.isPending}
        error={setStatus.error}
      />
    </Paper>
  );
}
