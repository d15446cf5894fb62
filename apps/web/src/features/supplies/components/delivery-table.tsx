import {
  WEBHOOK_MAX_ATTEMPTS,
  type Webhook,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
} from '@kontor/contracts';
import { Anchor, Badge, Button, Group, NativeSelect, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../app/data-table';
import { useFormat } from '../../../app/format';
import { ProblemAlert } from '../../../app/problem-alert';
import {
  canRetry,
  type DeliveryFilters,
  type DeliveryView,
  deliveryViews,
  lastAnswer,
  webhookLabel,
} from '../api/webhook-view';
import { useRetryDelivery, useWebhookDeliveries } from '../api/webhooks-api';

const PAGE = 50;

const statusColors: Record<WebhookDeliveryStatus, string> = { pending: 'blue', delivered: 'green', dead: 'red' };

interface DeliveryTableProps {
  filters: DeliveryFilters;
  onFilters: (filters: DeliveryFilters) => void;
  webhooks: Webhook[];
  compact: boolean;
  /** Only the hub sends: a workstation offers no retry. */
  canSend: boolean;
}

/** The deliveries of every webhook or one, newest first, the dead-letter queue by default, each dead one retryable. */
export function DeliveryTable({ filters, onFilters, webhooks, compact, canSend }: DeliveryTableProps) {
  const { t } = useTranslation();
  const [limit, setLimit] = useState(PAGE);
  const deliveries = useWebhookDeliveries(filters, limit);
  const retry = useRetryDelivery();
  const list = deliveries.data?.deliveries ?? [];
  const byId = new Map(webhooks.map((webhook) => [webhook.id, webhook]));
  const choose = (next: DeliveryFilters) => {
    setLimit(PAGE);
    retry.reset();
    onFilters(next);
  };
  const columns = compact
    ? [t('supplies.webhooks.deliveries.what'), t('supplies.webhooks.deliveries.status')]
    : [
        t('supplies.webhooks.deliveries.what'),
        t('supplies.webhooks.deliveries.webhook'),
        t('supplies.webhooks.deliveries.status'),
        t('supplies.webhooks.deliveries.attempts'),
        t('supplies.webhooks.deliveries.lastAnswer'),
        t('supplies.webhooks.deliveries.when'),
      ];

  return (
    <>
      <Group gap="sm" align="flex-end" mb="sm" wrap="wrap">
        <div style={{ flex: compact ? '1 1 100%' : '0 1 auto', minWidth: 0 }}>
          <Text size="sm" fw={500} mb={4} id="delivery-view-label">
            {t('supplies.webhooks.deliveries.show')}
          </Text>
          <SegmentedControl
            aria-labelledby="delivery-view-label"
            value={filters.view}
            onChange={(view) => choose({ ...filters, view: view as DeliveryView })}
            data={deliveryViews.map((view) => ({ value: view, label: t(`supplies.webhooks.view.${view}`) }))}
            fullWidth={compact}
            size={compact ? 'xs' : 'sm'}
            data-testid="delivery-view"
          />
        </div>
        <NativeSelect
          label={t('supplies.webhooks.deliveries.webhook')}
          value={filters.webhookId}
          onChange={(event) => choose({ ...filters, webhookId: event.currentTarget.value })}
          data={[
            { value: '', label: t('supplies.webhooks.deliveries.anyWebhook') },
            ...webhooks.map((webhook) => ({ value: webhook.id, label: webhookLabel(webhook) })),
          ]}
          style={{ flex: '1 1 220px', minWidth: 0 }}
          data-testid="delivery-webhook"
        />
      </Group>
      {retry.error ? <ProblemAlert error={retry.error} testId="delivery-retry-error" /> : null}
      <DataTable
        testId="deliveries-table"
        minWidth={compact ? 300 : 960}
        columns={columns}
        withActions={!compact}
        loading={deliveries.isPending}
        error={deliveries.error}
        caption={
          deliveries.data
            ? t('supplies.webhooks.deliveries.caption', { shown: list.length, total: deliveries.data.total })
            : null
        }
        empty={{
          when: deliveries.isSuccess && list.length === 0,
          text:
            filters.view === 'dead'
              ? t('supplies.webhooks.deliveries.emptyDead')
              : t('supplies.webhooks.deliveries.empty'),
          testId: 'deliveries-empty',
        }}
      >
        {list.map((delivery) => (
          <DeliveryRow
            key={delivery.id}
            delivery={delivery}
            webhook={byId.get(delivery.webhookId)}
            compact={compact}
            retry={
              canSend && canRetry(delivery)
                ? {
                    loading: retry.isPending && retry.variables === delivery.id,
                    onClick: () => retry.mutate(delivery.id),
                  }
                : undefined
            }
          />
        ))}
      </DataTable>
      {deliveries.data && deliveries.data.total > list.length ? (
        <Group justify="center" mt="sm">
          <Button variant="default" size="xs" onClick={() => setLimit((previous) => previous + PAGE)}>
            {t('supplies.webhooks.deliveries.showMore')}
          </Button>
        </Group>
      ) : null}
    </>
  );
}

interface DeliveryRowProps {
  delivery: WebhookDelivery;
  webhook: Webhook | undefined;
  compact: boolean;
  retry?: { loading: boolean; onClick: () => void };
}

function DeliveryRow({ delivery, webhook, compact, retry }: DeliveryRowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = delivery.orderNumber ?? t('supplies.webhooks.kind.ping');
  const what = (
    <>
      {delivery.orderId && delivery.orderNumber ? (
        <Anchor
          component={Link}
          to={`/supplies/orders/${delivery.orderId}`}
          fw={600}
          ff="monospace"
          size="sm"
          data-testid="delivery-order"
        >
          {delivery.orderNumber}
        </Anchor>
      ) : (
        <Text size="sm" fw={600}>
          {t('supplies.webhooks.kind.ping')}
        </Text>
      )}
      {delivery.kind === 'ping' ? null : (
        <Text size="xs" c="dimmed" data-testid="delivery-kind">
          {t(`supplies.webhooks.kind.${delivery.kind}`)}
        </Text>
      )}
    </>
  );
  const target = webhook ? (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }} title={webhook.url}>
      {webhookLabel(webhook)}
    </Text>
  ) : null;
  const answer = lastAnswer(delivery);
  const answerText = (
    <Text
      size="sm"
      c={delivery.status === 'delivered' ? undefined : 'red'}
      lineClamp={3}
      style={{ overflowWrap: 'anywhere' }}
      title={answer ?? undefined}
      data-testid="delivery-answer"
      data-status-code={delivery.lastStatusCode ?? ''}
    >
      {answer ?? '–'}
    </Text>
  );
  const time = (iso: string) => <time dateTime={iso}>{format.preciseDateTime(iso)}</time>;
  const when =
    delivery.status === 'pending' && delivery.nextAttemptAt ? (
      <>
        {t('supplies.webhooks.deliveries.next')} {time(delivery.nextAttemptAt)}
      </>
    ) : delivery.status === 'delivered' && delivery.deliveredAt ? (
      <>
        {t('supplies.webhooks.deliveries.deliveredAt')} {time(delivery.deliveredAt)}
      </>
    ) : (
      <>
        {t('supplies.webhooks.deliveries.createdAt')} {time(delivery.createdAt)}
      </>
    );
  const status = (
    <Badge
      color={statusColors[delivery.status]}
      variant="light"
      tt="none"
      // A badge's label is cut off with an ellipsis by default: a table would squeeze it to nothing.
      styles={{ label: { overflow: 'visible' } }}
      data-testid="delivery-status"
    >
      {t(`supplies.webhooks.status.${delivery.status}`)}
    </Badge>
  );
  const attempts = t('supplies.webhooks.deliveries.attemptsOf', { n: delivery.attempts, max: WEBHOOK_MAX_ATTEMPTS });
  const retryButton = retry ? (
    <Button
      size="xs"
      variant="light"
      onClick={retry.onClick}
      loading={retry.loading}
      aria-label={t('supplies.webhooks.deliveries.retryNamed', { name })}
      data-testid="delivery-retry"
    >
      {t('supplies.webhooks.deliveries.retry')}
    </Button>
  ) : null;

  return (
    <Table.Tr
      data-testid="delivery-row"
      data-status={delivery.status}
      data-kind={delivery.kind}
      data-order-number={delivery.orderNumber ?? ''}
    >
      {compact ? (
        <>
          <Table.Td>
            <Stack gap={4}>
              <div>{what}</div>
              {target}
              {answerText}
              <Text size="xs" c="dimmed">
                {when}
              </Text>
            </Stack>
          </Table.Td>
          <Table.Td>
            <Stack gap={6} align="flex-start">
              {status}
              <Text size="xs" c="dimmed" data-testid="delivery-attempts">
                {t('supplies.webhooks.deliveries.attempts')}: {attempts}
              </Text>
              {retryButton}
            </Stack>
          </Table.Td>
        </>
      ) : (
        <>
          <Table.Td>{what}</Table.Td>
          <Table.Td maw={220}>{target}</Table.Td>
          <Table.Td>{status}</Table.Td>
          <Table.Td>
            <Text size="sm" data-testid="delivery-attempts">
              {attempts}
            </Text>
          </Table.Td>
          <Table.Td maw={280}>{answerText}</Table.Td>
          <Table.Td>
            <Text size="sm">{when}</Text>
          </Table.Td>
          <Table.Td ta="right">{retryButton}</Table.Td>
        </>
      )}
    </Table.Tr>
  );
}
