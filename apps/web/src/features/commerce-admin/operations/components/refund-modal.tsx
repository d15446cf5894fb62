import { Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../app/api-client';
import { FormModal, ModalForm, useForm } from '../../../../app/form';
import { currencyExponent, parseAmount, useMoney } from '../api/money';
import { useRefundOrder } from '../api/orders-api';

interface RefundModalProps {
  orderId: string;
  currency: string;
  /** What may still go back: the most a refund may be. */
  refundableMinor: number;
  opened: boolean;
  onClose: () => void;
}

export function RefundModal(props: RefundModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title={t('commerceOps.refund.title')} size="md">
      <RefundForm {...props} />
    </FormModal>
  );
}

/** All that is left, or part of it, with a reason; the amount is checked here first and by the server again. */
function RefundForm({ orderId, currency, refundableMinor, onClose }: RefundModalProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const refund = useRefundOrder();
  // One key per attempt: a double click or a retried request after a lost answer gives back the same refund.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [localError, setLocalError] = useState<string | null>(null);
  const form = useForm({ scope: 'full', amount: '', reason: '' }, refund.error);
  const partial = form.values.scope === 'partial';
  const submit = () => {
    setLocalError(null);
    let amountMinor: number | undefined;
    if (partial) {
      const parsed = parseAmount(form.values.amount, currency);
      if (parsed === null || parsed <= 0) return setLocalError(t('commerceOps.refund.badAmount'));
      if (parsed > refundableMinor)
        return setLocalError(t('commerceOps.refund.tooMuch', { max: money(refundableMinor, currency) }));
      amountMinor = parsed;
    }
    refund.mutate(
      { id: orderId, key, input: { amountMinor, reason: form.values.reason.trim() || undefined } },
      {
        onSuccess: onClose,
        // The server judged this attempt (refused, over the limit): the next one is a new request with a new key.
        onError: (error) => {
          if (error instanceof ApiError && error.status !== 0) setKey(crypto.randomUUID());
        },
      },
    );
  };
  const overRefund = refund.error instanceof ApiError && refund.error.code === 'commerce.over_refund';
  const amountError =
    localError ??
    (overRefund ? t('commerceOps.refund.tooMuch', { max: money(refundableMinor, currency) }) : null) ??
    form.fieldErrors.amountMinor;
  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={form.generalError}
      submitLabel={t('commerceOps.refund.submit')}
      submitTestId="refund-submit"
      submitting={refund.isPending}
    >
      <Text size="sm" data-testid="refund-available">
        {t('commerceOps.refund.available', { amount: money(refundableMinor, currency) })}
      </Text>
      <Radio.Group
        label={t('commerceOps.refund.scope')}
        value={form.values.scope}
        onChange={(scope) => form.set('scope', scope)}
      >
        <Stack gap={6} mt={6}>
          <Radio value="full" label={t('commerceOps.refund.full')} data-testid="refund-full" />
          <Radio value="partial" label={t('commerceOps.refund.partial')} data-testid="refund-partial" />
        </Stack>
      </Radio.Group>
      {partial ? (
        <TextInput
          label={t('commerceOps.refund.amount', { currency })}
          description={t('commerceOps.refund.amountHint', { decimals: currencyExponent(currency) })}
          inputMode="decimal"
          autoComplete="off"
          required
          value={form.values.amount}
          onChange={(event) => form.set('amount', event.currentTarget.value)}
          error={amountError}
          data-testid="refund-amount"
        />
      ) : amountError ? (
        <Text c="red" size="sm" role="alert">
          {amountError}
        </Text>
      ) : null}
      <Textarea
        label={t('commerceOps.refund.reason')}
        autosize
        minRows={2}
        maxLength={500}
        {...form.text('reason')}
        data-testid="refund-reason"
      />
    </ModalForm>
  );
}
