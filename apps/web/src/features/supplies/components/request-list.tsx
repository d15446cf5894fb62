import type { ChangeRequest } from '@kontor/contracts';
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { ProblemAlert } from '../../../app/problem-alert';
import { useDecideRequest } from '../api/orders-api';
import { OrderLinesTable } from './order-lines-table';
import { OrderStatusBadge } from './order-status-badge';
import { ReasonFormModal } from './reason-form-modal';

const decisionColors = { accepted: 'green', refused: 'red' } as const;

/** The unit's requests to change or withdraw a received order, each with the hub's answer or the means to give it. */
export function RequestList({ requests, canDecide }: { requests: ChangeRequest[]; canDecide: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const decide = useDecideRequest();
  const [refusing, setRefusing] = useState<ChangeRequest | null>(null);
  if (requests.length === 0) return null;

  return (
    <Stack gap="sm" data-testid="order-requests">
      {decide.error && !refusing ? <ProblemAlert error={decide.error} /> : null}
      {requests.map((request) => (
        <Card key={request.id} withBorder padding="sm" data-testid="order-request" data-kind={request.kind}>
          <Group justify="space-between" align="flex-start" gap="xs">
            <div>
              <Text fw={600} size="sm">
                {t(`supplies.requests.kind.${request.kind}`)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('supplies.order.placedBy', {
                  date: format.dateTime(request.createdAt),
                  name: request.createdByName,
                })}
              </Text>
            </div>
            <Group gap={6}>
              {request.delivery ? <OrderStatusBadge order={{ ...request, status: 'new' }} /> : null}
              <Badge
                color={request.decision ? decisionColors[request.decision] : 'yellow'}
                variant="light"
                tt="none"
                data-testid="request-decision"
              >
                {t(`supplies.requests.decision.${request.decision ?? 'pending'}`)}
              </Badge>
            </Group>
          </Group>
          {request.comment ? (
            <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {request.comment}
            </Text>
          ) : null}
          {request.lines ? (
            <Stack gap={4} mt="xs">
              <Text size="xs" c="dimmed">
                {t('supplies.requests.newLines')}
              </Text>
              <OrderLinesTable lines={request.lines} testId="request-lines" />
            </Stack>
          ) : null}
          {request.decision && request.decisionReason ? (
            <Text size="sm" mt="xs" c="dimmed">
              {t('supplies.requests.because', { reason: request.decisionReason })}
            </Text>
          ) : null}
          {canDecide && request.decision === null ? (
            <Group gap="xs" mt="sm" data-print="hide">
              <Button
                size="xs"
                color="green"
                loading={decide.isPending && decide.variables?.requestId === request.id}
                onClick={() => decide.mutate({ requestId: request.id, input: { decision: 'accepted', reason: '' } })}
                data-testid="request-accept"
              >
                {t('supplies.requests.accept')}
              </Button>
              <Button
                size="xs"
                variant="light"
                color="red"
                onClick={() => setRefusing(request)}
                data-testid="request-refuse"
              >
                {t('supplies.requests.refuse')}
              </Button>
            </Group>
          ) : null}
        </Card>
      ))}
      <ReasonFormModal
        opened={refusing !== null}
        onClose={() => setRefusing(null)}
        title={t('supplies.requests.refuseTitle')}
        label={t('supplies.hub.reason')}
        submitLabel={t('supplies.requests.refuse')}
        submitTestId="request-refuse-submit"
        required
        onSubmit={(reason) =>
          refusing &&
          decide.mutate(
            { requestId: refusing.id, input: { decision: 'refused', reason } },
            { onSuccess: () => setRefusing(null) },
          )
        }
        submitting={decide.isPending}
        error={decide.error}
      />
    </Stack>
  );
}
