import { Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../app/api-client';
import { FormModal, ModalForm, useForm } from '../../../../app/form';
import { useShopCurrencies } from '../api/currencies-api';
import {
  type DiscountDraft,
  type DraftProblem,
  draftToBody,
  emptyDiscountDraft,
  SERVER_FIELDS,
} from '../api/discount-draft';
import { useCreateCode } from '../api/discounts-api';

export function DiscountCodeModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('commerceOps.codes.newTitle')} size="lg">
      <DiscountCodeForm onClose={onClose} />
    </FormModal>
  );
}

/** The server's field errors under the form's fields (`amounts.SEK` under the amount), in the user's language. */
function serverErrors(error: unknown, fieldErrors: Record<string, string>, t: TFunction) {
  const result: Record<string, string> = {};
  for (const [path, text] of Object.entries(fieldErrors)) {
    const field = SERVER_FIELDS[path];
    if (field) result[field] = text;
  }
  if (error instanceof ApiError) {
    if (error.code === 'commerce.discount_code_taken') result.code = t('commerceOps.codes.taken');
    if (error.code === 'commerce.unsold_currency') result.currency = t('commerceOps.codes.unsoldCurrency');
  }
  return result;
}

function DiscountCodeForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateCode();
  const currencies = useShopCurrencies();
  const form = useForm<DiscountDraft>(emptyDiscountDraft, create.error);
  const [problems, setProblems] = useState<Record<string, DraftProblem>>({});
  const fromServer = serverErrors(create.error, form.fieldErrors, t);
  const errorOf = (field: keyof DiscountDraft) =>
    problems[field]
      ? t(`commerceOps.codes.problem.${field}.${problems[field]}`, { defaultValue: t('validation.invalid') })
      : fromServer[field];
  const generalError = Object.keys(fromServer).length > 0 ? null : create.error;
  const submit = () => {
    const result = draftToBody(form.values);
    if (result.problems) return setProblems(result.problems);
    setProblems({});
    create.mutate(result.body, { onSuccess: onClose });
  };
  const bind = (field: keyof DiscountDraft) => ({
    value: form.values[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => form.set(field, event.currentTarget.value as never),
    error: errorOf(field),
  });
  const percent = form.values.kind === 'percent';
  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={generalError}
      submitLabel={t('commerceOps.codes.create')}
      submitTestId="code-submit"
      submitting={create.isPending}
    >
      <Stack gap="sm">
        <TextInput
          label={t('commerceOps.codes.code')}
          description={t('commerceOps.codes.codeHint')}
          required
          data-autofocus
          autoComplete="off"
          {...bind('code')}
          data-testid="code-code"
        />
        <TextInput label={t('commerceOps.codes.description')} {...bind('description')} data-testid="code-description" />
        <div>
          <Text size="sm" fw={500} id="code-kind-label" mb={4}>
            {t('commerceOps.codes.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="code-kind-label"
            value={form.values.kind}
            onChange={(kind) => form.set('kind', kind as DiscountDraft['kind'])}
            data={[
              { value: 'percent', label: t('commerceOps.codes.percentKind') },
              { value: 'amount', label: t('commerceOps.codes.amountKind') },
            ]}
            data-testid="code-kind"
          />
        </div>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {percent ? (
            <TextInput
              label={t('commerceOps.codes.percent')}
              inputMode="decimal"
              required
              rightSection="%"
              {...bind('percent')}
              data-testid="code-percent"
            />
          ) : (
            <TextInput
              label={t('commerceOps.codes.amount')}
              inputMode="decimal"
              required
              {...bind('amount')}
              data-testid="code-amount"
            />
          )}
          <Select
            label={t('commerceOps.reports.currency')}
            data={[...new Set([...currencies.sold, form.values.currency])]}
            value={form.values.currency}
            onChange={(currency) => currency && form.set('currency', currency)}
            allowDeselect={false}
            error={errorOf('currency')}
            data-testid="code-currency"
          />
          <TextInput
            label={t('commerceOps.codes.minOrder')}
            inputMode="decimal"
            {...bind('minOrder')}
            data-testid="code-min-order"
          />
        </SimpleGrid>
        <Group grow align="flex-start">
          <TextInput
            type="datetime-local"
            label={t('commerceOps.codes.startsAt')}
            {...bind('startsAt')}
            data-testid="code-starts"
          />
          <TextInput
            type="datetime-local"
            label={t('commerceOps.codes.endsAt')}
            {...bind('endsAt')}
            data-testid="code-ends"
          />
          <TextInput
            label={t('commerceOps.codes.usageLimit')}
            inputMode="numeric"
            {...bind('usageLimit')}
            data-testid="code-usage-limit"
          />
        </Group>
      </Stack>
    </ModalForm>
  );
}
