import type { Webhook } from '@kontor/contracts';
import { Badge, Button, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../app/data-table';
import { useFormat } from '../../../app/format';

/** A badge's label is cut off with an ellipsis by default: a table would squeeze it to nothing. */
const whole = { label: { overflow: 'visible' } } as const;

interface WebhookTableProps {
  webhooks: Webhook[];
  loading: boolean;
  error: unknown;
  now: number;
  /** On a phone: two columns (where it sends and how it fares; its switch), so nothing scrolls sideways. */
  compact: boolean;
  /** Only the hub sends: a workstation offers no test. */
  canSend: boolean;
  /** The webhook whose test is being queued, for its button's spinner. */
  testingId: string | null;
  onTest: (webhook: Webhook) => void;
  onEdit: (webhook: Webhook) => void;
  onDelete: (webhook: Webhook) => void;
  onActive: (webhook: Webhook, active: boolean) => void;
  /** Shows the webhook's dead deliveries in the list below. */
  onShowDead: (webhook: Webhook) => void;
}

/** The hub's webhooks: where each sends, what, whether it is on, and how its deliveries fare. */
export function WebhookTable(props: WebhookTableProps) {
  const { t } = useTranslation();
  const columns = props.compact
    ? [t('supplies.webhooks.fields.url'), t('supplies.webhooks.fields.active')]
    : [
        t('supplies.webhooks.fields.url'),
        t('supplies.webhooks.fields.kinds'),
        t('supplies.webhooks.fields.active'),
        t('supplies.webhooks.fields.deliveries'),
        t('supplies.webhooks.fields.lastDelivered'),
      ];
  return (
    <DataTable
      testId="webhooks-table"
      minWidth={props.compact ? 300 : 900}
      columns={columns}
      withActions={!props.compact}
      loading={props.loading}
      error={props.error}
      empty={{ when: !props.loading && props.webhooks.length === 0, text: t('supplies.webhooks.empty') }}
    >
      {props.webhooks.map((webhook) => (
        <WebhookRow key={webhook.id} webhook={webhook} {...props} />
      ))}
    </DataTable>
  );
}

function WebhookRow({ webhook, ...props }: WebhookTableProps & { webhook: Webhook }) {
  const { t } = useTranslation();
  const format = useFormat();
  const address = (
    <>
      <Text size="sm" fw={600} ff="monospace" style={{ overflowWrap: 'anywhere' }} data-testid="webhook-url">
        {webhook.url}
      </Text>
      {webhook.description ? (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {webhook.description}
        </Text>
      ) : null}
    </>
  );
  const kinds =
    webhook.kinds.length === 0 ? (
      <Text size="sm">{t('supplies.webhooks.allKinds')}</Text>
    ) : (
      <Group gap={4}>
        {webhook.kinds.map((kind) => (
          <Badge key={kind} variant="light" size="sm" tt="none" styles={whole}>
            {t(`supplies.webhooks.kind.${kind}`)}
          </Badge>
        ))}
      </Group>
    );
  const { pending, delivered, dead } = webhook.deliveries;
  const counts = (
    <Group gap={6} data-testid="webhook-counts" data-pending={pending} data-delivered={delivered} data-dead={dead}>
      <Badge variant="light" color="blue" size="sm" tt="none" styles={whole}>
        {t('supplies.webhooks.counts.pending', { n: format.number(pending) })}
      </Badge>
      <Badge variant="light" color="green" size="sm" tt="none" styles={whole}>
        {t('supplies.webhooks.counts.delivered', { n: format.number(delivered) })}
      </Badge>
      {dead > 0 ? (
        <Badge
          component="button"
          type="button"
          variant="filled"
          color="red"
          size="sm"
          tt="none"
          styles={whole}
          style={{ cursor: 'pointer' }}
          onClick={() => props.onShowDead(webhook)}
          aria-label={t('supplies.webhooks.counts.showDead', { url: webhook.url })}
          data-testid="webhook-show-dead"
        >
          {t('supplies.webhooks.counts.dead', { n: format.number(dead) })}
        </Badge>
      ) : (
        <Badge variant="light" color="gray" size="sm" tt="none" styles={whole}>
          {t('supplies.webhooks.counts.dead', { n: format.number(dead) })}
        </Badge>
      )}
    </Group>
  );
  const lastDelivered = webhook.lastDeliveredAt ? (
    <time dateTime={webhook.lastDeliveredAt} title={format.dateTime(webhook.lastDeliveredAt)}>
      {format.relativeTime(webhook.lastDeliveredAt, props.now)}
    </time>
  ) : (
    t('supplies.webhooks.never')
  );
  const active = (
    <Switch
      checked={webhook.active}
      onChange={(event) => props.onActive(webhook, event.currentTarget.checked)}
      aria-label={t('supplies.webhooks.actions.activeNamed', { url: webhook.url })}
      data-testid="webhook-active"
    />
  );
  const actions = (
    <Group gap="xs" justify={props.compact ? 'flex-start' : 'flex-end'} wrap={props.compact ? 'wrap' : 'nowrap'}>
      {props.canSend ? (
        <Button
          size="xs"
          variant="light"
          onClick={() => props.onTest(webhook)}
          loading={props.testingId === webhook.id}
          aria-label={t('supplies.webhooks.actions.testNamed', { url: webhook.url })}
          data-testid="webhook-test"
        >
          {t('supplies.webhooks.actions.test')}
        </Button>
      ) : null}
      <Button
        size="xs"
        variant="default"
        onClick={() => props.onEdit(webhook)}
        aria-label={t('supplies.webhooks.actions.editNamed', { url: webhook.url })}
        data-testid="webhook-edit"
      >
        {t('common.edit')}
      </Button>
      <Button
        size="xs"
        variant="light"
        color="red"
        onClick={() => props.onDelete(webhook)}
        aria-label={t('supplies.webhooks.actions.deleteNamed', { url: webhook.url })}
        data-testid="webhook-delete"
      >
        {t('supplies.webhooks.actions.delete')}
      </Button>
    </Group>
  );

  return (
    <Table.Tr data-testid="webhook-row" data-url={webhook.url} data-active={webhook.active}>
      {props.compact ? (
        <>
          <Table.Td>
            <Stack gap={6}>
              <div>{address}</div>
              {kinds}
              {counts}
              <Text size="xs" c="dimmed">
                {t('supplies.webhooks.fields.lastDelivered')}: {lastDelivered}
              </Text>
              {actions}
            </Stack>
          </Table.Td>
          <Table.Td>{active}</Table.Td>
        </>
      ) : (
        <>
          <Table.Td maw={320}>{address}</Table.Td>
          <Table.Td>{kinds}</Table.Td>
          <Table.Td>{active}</Table.Td>
          <Table.Td>{counts}</Table.Td>
          <Table.Td>
            <Text size="sm" data-testid="webhook-last-delivered">
              {lastDelivered}
            </Text>
          </Table.Td>
          <Table.Td>{actions}</Table.Td>
        </>
      )}
    </Table.Tr>
  );
}
