import type { Webhook, WebhookCreated } from '@kontor/contracts';
import { Alert, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../app/confirm-modal';
import { PageHeader } from '../../../app/page-header';
import { ProblemAlert } from '../../../app/problem-alert';
import { useNow } from '../../sync/components/sync-indicator';
import { useSuppliesRoles } from '../api/can-manage';
import { type DeliveryFilters, defaultDeliveryFilters } from '../api/webhook-view';
import { useDeleteWebhook, useTestWebhook, useUpdateWebhook, useWebhooks, useWebhooksLive } from '../api/webhooks-api';
import { DeliveryTable } from '../components/delivery-table';
import { type WebhookFormDraft, WebhookFormModal } from '../components/webhook-form-modal';
import { WebhookSecretModal } from '../components/webhook-secret-modal';
import { WebhookTable } from '../components/webhook-table';

/** "Last delivered 2 minutes ago" moves on without a fetch. */
const CLOCK_TICK_MS = 30_000;
/** Mantine's `sm`: below it the tables get two columns each. */
const PHONE = '(max-width: 48em)';

/**
 * The supplier feed's webhooks on the hub (docs/supplier-feed.md): add one (its secret shown once), change, pause,
 * test or remove it, and look after its deliveries, the dead-letter queue first, retrying what the receiver refused.
 */
export function WebhooksPage() {
  const { t } = useTranslation();
  const now = useNow(CLOCK_TICK_MS);
  const live = useWebhooksLive();
  const phone = useMediaQuery(PHONE) ?? false;
  // Only the hub sends: a workstation may look, change and remove, but not add, test or retry.
  const { canManage: isHub } = useSuppliesRoles();
  const webhooks = useWebhooks();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const test = useTestWebhook();
  const [draft, setDraft] = useState<WebhookFormDraft>(null);
  const [created, setCreated] = useState<WebhookCreated | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const [tested, setTested] = useState<Webhook | null>(null);
  const [filters, setFilters] = useState<DeliveryFilters>(defaultDeliveryFilters);
  const deliveriesRef = useRef<HTMLElement>(null);
  const list = webhooks.data ?? [];

  const showDeliveries = (next: DeliveryFilters) => {
    setFilters(next);
    deliveriesRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  const sendTest = (webhook: Webhook) => {
    setTested(null);
    test.mutate(webhook.id, {
      onSuccess: () => {
        setTested(webhook);
        // The ping shows among the webhook's deliveries whatever becomes of it.
        showDeliveries({ view: 'all', webhookId: webhook.id });
      },
    });
  };
  const closeDelete = () => {
    setDeleting(null);
    remove.reset();
  };
  /** A removed webhook's deliveries went with it: the list stops asking for them. */
  const forget = (id: string) => {
    closeDelete();
    if (filters.webhookId === id) setFilters({ ...filters, webhookId: '' });
    if (tested?.id === id) setTested(null);
  };

  return (
    <>
      <PageHeader
        title={t('supplies.webhooks.title')}
        live={live}
        action={
          isHub
            ? { label: t('supplies.webhooks.new'), testId: 'webhook-new', onClick: () => setDraft('new') }
            : undefined
        }
      />
      <Text size="sm" c="dimmed" mb="md" maw={900}>
        {t('supplies.webhooks.intro')}
      </Text>
      {isHub ? null : (
        <Alert
          color="yellow"
          mb="md"
          title={t('supplies.webhooks.workstationTitle')}
          data-testid="webhooks-workstation"
        >
          {t('supplies.webhooks.workstation')}
        </Alert>
      )}
      {update.error ? <ProblemAlert error={update.error} testId="webhook-update-error" /> : null}
      {test.error ? <ProblemAlert error={test.error} testId="webhook-test-error" /> : null}
      <WebhookTable
        webhooks={list}
        loading={webhooks.isPending}
        error={webhooks.error}
        now={now}
        compact={phone}
        canSend={isHub}
        testingId={test.isPending ? (test.variables ?? null) : null}
        onTest={sendTest}
        onEdit={setDraft}
        onDelete={setDeleting}
        onActive={(webhook, active) => update.mutate({ id: webhook.id, input: { active } })}
        onShowDead={(webhook) => showDeliveries({ view: 'dead', webhookId: webhook.id })}
      />

      <section ref={deliveriesRef} aria-labelledby="webhook-deliveries-title" style={{ scrollMarginTop: 72 }}>
        <Title order={2} size="h3" mt="xl" mb="xs" id="webhook-deliveries-title">
          {t('supplies.webhooks.deliveries.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm" maw={900}>
          {t('supplies.webhooks.deliveries.intro')}
        </Text>
        {tested ? (
          <Alert
            color="blue"
            mb="sm"
            withCloseButton
            closeButtonLabel={t('supplies.webhooks.dismiss')}
            onClose={() => setTested(null)}
            data-testid="webhook-test-sent"
          >
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('supplies.webhooks.testSent', { url: tested.url })}
            </Text>
          </Alert>
        ) : null}
        <DeliveryTable filters={filters} onFilters={setFilters} webhooks={list} compact={phone} canSend={isHub} />
      </section>

      <WebhookFormModal draft={draft} onClose={() => setDraft(null)} onCreated={setCreated} />
      <WebhookSecretModal webhook={created} onClose={() => setCreated(null)} />
      <ConfirmModal
        opened={deleting !== null}
        title={t('supplies.webhooks.deleteConfirm.title')}
        confirmLabel={t('supplies.webhooks.actions.delete')}
        onClose={closeDelete}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: (_, id) => forget(id) })}
        loading={remove.isPending}
        error={remove.error}
      >
        {deleting ? (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('supplies.webhooks.deleteConfirm.text', { url: deleting.url })}
          </Text>
        ) : null}
      </ConfirmModal>
    </>
  );
}
