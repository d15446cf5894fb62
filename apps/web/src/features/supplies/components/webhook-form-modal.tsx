import { type FeedEventKind, feedEventKinds, type Webhook, type WebhookCreated } from '@kontor/contracts';
import { MultiSelect, Radio, Stack, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm, useForm } from '../../../app/form';
import { createInput, webhookChanges, webhookDraft } from '../api/webhook-view';
import { useCreateWebhook, useUpdateWebhook } from '../api/webhooks-api';

/** `'new'` for a new webhook, else the webhook to change; null when closed. */
export type WebhookFormDraft = Webhook | 'new' | null;

interface WebhookFormModalProps {
  draft: WebhookFormDraft;
  onClose: () => void;
  /** A new webhook's answer, with the secret to show once. */
  onCreated: (created: WebhookCreated) => void;
}

export function WebhookFormModal({ draft, onClose, onCreated }: WebhookFormModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={draft !== null}
      onClose={onClose}
      title={draft === 'new' ? t('supplies.webhooks.create.title') : t('supplies.webhooks.edit.title')}
    >
      {draft ? <WebhookForm webhook={draft === 'new' ? null : draft} onClose={onClose} onCreated={onCreated} /> : null}
    </FormModal>
  );
}

interface WebhookFormProps {
  webhook: Webhook | null;
  onClose: () => void;
  onCreated: (created: WebhookCreated) => void;
}

function WebhookForm({ webhook, onClose, onCreated }: WebhookFormProps) {
  const { t } = useTranslation();
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const save = webhook ? update : create;
  const form = useForm(webhookDraft(webhook), save.error, {
    kinds: { kinds: 'list' },
    formatHints: { url: t('supplies.webhooks.errors.url') },
  });
  const { values, fieldErrors } = form;
  const submit = () => {
    if (!webhook) {
      create.mutate(createInput(values), {
        onSuccess: (created) => {
          onClose();
          onCreated(created);
        },
      });
      return;
    }
    const changes = webhookChanges(webhook, values);
    if (Object.keys(changes).length === 0) onClose();
    else update.mutate({ id: webhook.id, input: changes }, { onSuccess: onClose });
  };
  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={form.generalError}
      submitLabel={webhook ? t('common.save') : t('supplies.webhooks.create.submit')}
      submitTestId="webhook-form-submit"
      submitting={save.isPending}
    >
      <TextInput
        type="url"
        label={t('supplies.webhooks.fields.url')}
        description={t('supplies.webhooks.fields.urlHint')}
        placeholder="https://supplier.example.org/kontor"
        {...form.text('url')}
        withAsterisk
        data-autofocus
        data-testid="webhook-form-url"
      />
      <TextInput
        label={t('supplies.webhooks.fields.description')}
        placeholder={t('supplies.webhooks.fields.descriptionPlaceholder')}
        {...form.text('description')}
        data-testid="webhook-form-description"
      />
      <MultiSelect
        label={t('supplies.webhooks.fields.kinds')}
        description={t('supplies.webhooks.fields.kindsHint')}
        placeholder={values.kinds.length === 0 ? t('supplies.webhooks.allKinds') : undefined}
        data={feedEventKinds.map((kind) => ({ value: kind, label: t(`supplies.webhooks.kind.${kind}`) }))}
        value={values.kinds}
        onChange={(kinds) => form.set('kinds', kinds as FeedEventKind[])}
        error={fieldErrors.kinds}
        clearable
        comboboxProps={{ withinPortal: true }}
        data-testid="webhook-form-kinds"
      />
      {webhook ? null : (
        <Radio.Group
          label={t('supplies.webhooks.fields.from')}
          value={values.from}
          onChange={(from) => form.set('from', from as 'now' | 'beginning')}
          error={fieldErrors.from}
        >
          <Stack gap={6} mt={6}>
            <Radio value="now" label={t('supplies.webhooks.fields.fromNow')} data-testid="webhook-form-from-now" />
            <Radio
              value="beginning"
              label={t('supplies.webhooks.fields.fromBeginning')}
              data-testid="webhook-form-from-beginning"
            />
          </Stack>
        </Radio.Group>
      )}
      <Switch
        label={t('supplies.webhooks.fields.active')}
        description={t('supplies.webhooks.fields.activeHint')}
        checked={values.active}
        onChange={(event) => form.set('active', event.currentTarget.checked)}
        data-testid="webhook-form-active"
      />
    </ModalForm>
  );
}
