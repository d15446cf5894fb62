import { Button, Group, Select, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm } from '../../../../app/form';
import { ProblemAlert } from '../../../../app/problem-alert';
import { decimalSeparator } from '../../catalog/api/money';
import { pickText } from '../../catalog/api/translated';
import { useShopCurrencies } from '../api/currencies-api';
import { useSaveRates } from '../api/shipping-api';
import { draftToRates, newRateRow, type RateRowDraft, ratesToDraft, type ShippingMethod } from '../api/shipping-draft';
import { useFormProblems } from './use-form-problems';

const RATE_FIELD = /^rates(\.\d+\.(currency|maxWeightGrams|amountMinor))?$/;

export function ShippingRatesModal(props: { opened: boolean; method: ShippingMethod | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const name = props.method ? pickText(props.method.name, i18n.language) : '';
  return (
    <FormModal
      opened={props.opened}
      onClose={props.onClose}
      title={t('commerceOps.shipping.ratesTitle', { name })}
      size="xl"
    >
      {props.method ? <RatesForm method={props.method} onClose={props.onClose} /> : null}
    </FormModal>
  );
}

/**
 * A method's rate table: per currency, the price of carts up to a weight; a row without a weight takes every
 * heavier cart. The server replaces the whole table with what is sent.
 */
function RatesForm({ method, onClose }: { method: ShippingMethod; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const currencies = useShopCurrencies();
  const [rows, setRows] = useState<RateRowDraft[]>(() => ratesToDraft(method.rates, decimalSeparator(i18n.language)));
  const save = useSaveRates();
  const result = draftToRates(rows);
  const form = useFormProblems(
    save.error,
    () => result.problems ?? {},
    (path) => path,
    (field) => RATE_FIELD.test(field),
  );
  const codes = [...new Set([...currencies.sold, ...rows.map((row) => row.currency)])];
  const update = (key: string, patch: Partial<RateRowDraft>) =>
    setRows((previous) => previous.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const remove = (key: string) => {
    setRows((previous) => previous.filter((row) => row.key !== key));
    // The server's problems name rows by their place, which has just changed.
    save.reset();
  };
  const add = () => setRows((previous) => [...previous, newRateRow(previous.at(-1)?.currency ?? codes[0] ?? '')]);
  const submit = () => {
    form.submitted();
    if (result.body) save.mutate({ methodId: method.id, rates: result.body.rates }, { onSuccess: onClose });
  };
  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={form.generalError}
      submitLabel={t('commerceOps.shipping.saveRates')}
      submitTestId="rates-submit"
      submitting={save.isPending}
    >
      <Text size="sm" c="dimmed">
        {t('commerceOps.shipping.ratesHint')}
      </Text>
      {currencies.error ? <ProblemAlert error={currencies.error} /> : null}
      <Table.ScrollContainer minWidth={560} type="native">
        <Table verticalSpacing={4} data-testid="rates-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('commerceOps.reports.currency')}</Table.Th>
              <Table.Th scope="col">{t('commerceOps.shipping.maxWeight')}</Table.Th>
              <Table.Th scope="col">{t('commerceOps.shipping.price')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => (
              <Table.Tr key={row.key} data-testid="rate-row" style={{ verticalAlign: 'top' }}>
                <Table.Td w={120}>
                  <Select
                    aria-label={t('commerceOps.reports.currency')}
                    data={codes}
                    value={row.currency || null}
                    onChange={(currency) => currency && update(row.key, { currency })}
                    allowDeselect={false}
                    error={form.errorAt(`rates.${index}.currency`)}
                    data-testid="rate-currency"
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('commerceOps.shipping.maxWeight')}
                    inputMode="decimal"
                    placeholder={t('commerceOps.shipping.noLimit')}
                    rightSection="kg"
                    value={row.maxWeightKg}
                    onChange={(event) => update(row.key, { maxWeightKg: event.currentTarget.value })}
                    error={form.errorAt(`rates.${index}.maxWeightGrams`)}
                    data-testid="rate-max-weight"
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('commerceOps.shipping.price')}
                    inputMode="decimal"
                    rightSection={<Text size="xs">{row.currency}</Text>}
                    rightSectionWidth={44}
                    value={row.amount}
                    onChange={(event) => update(row.key, { amount: event.currentTarget.value })}
                    error={form.errorAt(`rates.${index}.amountMinor`)}
                    data-testid="rate-amount"
                  />
                </Table.Td>
                <Table.Td w={1}>
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() => remove(row.key)}
                    data-testid="rate-remove"
                  >
                    {t('common.delete')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {form.errorAt('rates') ? (
        <Text size="sm" c="red">
          {form.errorAt('rates')}
        </Text>
      ) : null}
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="rates-empty">
          {t('commerceOps.shipping.noRates')}
        </Text>
      ) : null}
      <Group>
        <Button variant="light" size="xs" onClick={add} data-testid="rate-add">
          {t('commerceOps.shipping.addRate')}
        </Button>
      </Group>
    </ModalForm>
  );
}
