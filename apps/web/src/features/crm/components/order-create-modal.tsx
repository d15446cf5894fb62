import { type CrmOrderStatus, crmOrderStatuses } from '@kontor/contracts';
import { Group, Select, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm, useForm } from '../../../app/form';
import { parseAmount } from '../../commerce-admin/operations/api/money';
import { useCreateOrder } from '../api/orders-api';
import { ClientPicker } from './client-picker';
import { CrmProblemAlert } from './crm-alerts';

const CURRENCIES = ['SEK', 'EUR', 'NOK', 'DKK', 'PLN', 'USD'];

export function OrderCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('crm.orders.createTitle')} size="md">
      <OrderCreateForm onClose={onClose} />
    </FormModal>
  );
}

/** The client is any the facade knows (ours or still in the legacy CRM); amounts are typed in the currency's units. */
function OrderCreateForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateOrder();
  const form = useForm(
    { clientRef: '', text: '', amount: '', currency: 'SEK', status: 'new' as CrmOrderStatus },
    create.error,
    { kinds: { amountMinor: 'number' } },
  );
  const [checked, setChecked] = useState(false);
  const { values } = form;
  const amountMinor = parseAmount(values.amount, values.currency);
  const clientError = checked && !values.clientRef ? t('validation.required') : undefined;
  const amountError = checked && amountMinor === null ? t('crm.orders.amountInvalid') : undefined;

  const submit = () => {
    setChecked(true);
    if (!values.clientRef || amountMinor === null) return;
    create.mutate(
      {
        clientRef: values.clientRef,
        text: values.text.trim(),
        amountMinor,
        currency: values.currency,
        status: values.status,
      },
      { onSuccess: onClose },
    );
  };

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={null}
      submitLabel={t('crm.orders.create')}
      submitTestId="crm-order-submit"
      submitting={create.isPending}
    >
      <CrmProblemAlert error={form.generalError} />
      <ClientPicker
        label={t('crm.orders.client')}
        value={values.clientRef}
        onChange={(ref) => form.set('clientRef', ref)}
        // The server's refusal of a client names no zod rule: it does not know that client (any more).
        error={clientError ?? (form.fieldErrors.clientRef ? t('crm.orders.unknownClient') : undefined)}
        required
        testId="crm-order-form-client"
      />
      <Textarea
        label={t('crm.orders.text')}
        {...form.text('text')}
        withAsterisk
        autosize
        minRows={2}
        data-testid="crm-order-form-text"
      />
      <Group grow align="flex-start">
        <TextInput
          label={t('crm.orders.amount')}
          inputMode="decimal"
          value={values.amount}
          onChange={(event) => form.set('amount', event.currentTarget.value)}
          error={amountError ?? form.fieldErrors.amountMinor}
          withAsterisk
          data-testid="crm-order-form-amount"
        />
        <Select
          label={t('crm.orders.currency')}
          data={CURRENCIES}
          value={values.currency}
          onChange={(currency) => form.set('currency', currency ?? 'SEK')}
          allowDeselect={false}
          error={form.fieldErrors.currency}
          data-testid="crm-order-form-currency"
        />
      </Group>
      <Select
        label={t('crm.orders.status')}
        data={crmOrderStatuses.map((status) => ({ value: status, label: t(`crm.status.${status}`) }))}
        value={values.status}
        onChange={(status) => form.set('status', (status ?? 'new') as CrmOrderStatus)}
        allowDeselect={false}
        error={form.fieldErrors.status}
        data-testid="crm-order-form-status"
      />
    </ModalForm>
  );
}
