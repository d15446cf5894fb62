import type { CatalogPriceList } from '@kontor/contracts';
import { Grid, NativeSelect, NumberInput, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../../../../app/form';
import { priceFormProblems, tiersAfter } from '../api/list-prices';
import { decimalSeparator, formatMinor } from '../api/money';
import { emptyTier, type TierDraft, tierDraftOf } from '../api/price-draft';
import { type Currency, exponentLookup, type ListPrice, useSetListPrices } from '../api/prices-api';
import { type ProblemPaths, problemPaths } from '../api/problem-paths';
import { fetchVariantPrices, variantPricesKey } from '../api/products-api';
import { useErrorText } from './use-error-text';
import { type PickedVariant, VariantPicker } from './variant-picker';

/** Hints under the inputs, so inputs with hints of different lengths stay level. */
const BELOW: Array<'label' | 'input' | 'description' | 'error'> = ['label', 'input', 'description', 'error'];

interface ListPriceFormProps {
  list: CatalogPriceList;
  /** Every price of the list: a variant's other tiers in the currency are sent again with the one edited. */
  prices: ListPrice[];
  currencies: Currency[];
  /** Null for a new price. */
  editing: ListPrice | null;
  onClose: () => void;
}

/** One price of a list: for which SKU and currency, how much, from what quantity and when (Stockholm time). */
export function ListPriceForm({ list, prices, currencies, editing, onClose }: ListPriceFormProps) {
  const { t, i18n } = useTranslation();
  const exponentOf = exponentLookup(currencies);
  const save = useSetListPrices(list.id);
  const [variant, setVariant] = useState<PickedVariant | null>(
    editing ? { id: editing.variantId, sku: editing.sku, productId: editing.productId } : null,
  );
  const sold = currencies.filter((currency) => currency.active);
  const [currency, setCurrency] = useState(editing?.currency ?? sold[0]?.code ?? 'SEK');
  const [tier, setTier] = useState<TierDraft>(() =>
    editing ? tierDraftOf(editing, exponentOf(editing.currency), decimalSeparator(i18n.language)) : emptyTier(1),
  );
  const [local, setLocal] = useState<ProblemPaths>({});
  const [index, setIndex] = useState(0);
  const answered = priceFormProblems(problemPaths(save.error), index);
  const errorAt = useErrorText().at({ ...answered, ...local });
  const retail = useQuery({
    queryKey: variantPricesKey(variant?.id ?? ''),
    queryFn: ({ signal }) => fetchVariantPrices(variant?.id ?? '', signal),
    enabled: variant !== null,
  });
  const now = retail.data?.current.find((price) => price.currency === currency);
  // A field typed again is judged again on the next save: its old complaint goes.
  const forget = (...fields: string[]) =>
    setLocal((previous) => Object.fromEntries(Object.entries(previous).filter(([field]) => !fields.includes(field))));
  const update = (change: Partial<TierDraft>) => {
    setTier((previous) => ({ ...previous, ...change }));
    forget(...Object.keys(change));
  };
  const pick = (picked: PickedVariant | null) => {
    setVariant(picked);
    if (picked) forget('sku');
  };

  const submit = () => {
    if (!variant) {
      setLocal({ sku: { path: 'variantId', message: 'is required', code: 'too_small', minimum: 1 } });
      return;
    }
    const group = prices.filter((price) => price.variantId === variant.id && price.currency === currency);
    const edited = tiersAfter(group, { kind: 'put', tier }, exponentOf(currency));
    if (!edited.ok) {
      setLocal(edited.problems);
      return;
    }
    setLocal({});
    setIndex(edited.index);
    save.mutate({ variantId: variant.id, currency, prices: edited.prices }, { onSuccess: onClose });
  };

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={Object.keys(answered).length === 0 ? save.error : null}
      submitLabel={editing ? t('common.save') : t('catalogAdmin.listPrices.add')}
      submitTestId="list-price-form-submit"
      submitting={save.isPending}
    >
      {editing ? (
        <Text size="sm" fw={500}>
          {t('catalogAdmin.listPrices.editing', { sku: editing.sku, currency: editing.currency })}
        </Text>
      ) : (
        <VariantPicker value={variant} onChange={pick} error={errorAt('sku')} />
      )}
      <Grid gap="sm">
        {editing ? null : (
          <Grid.Col span={{ base: 12, xs: 3 }}>
            <NativeSelect
              label={t('catalogAdmin.listPrices.currency')}
              value={currency}
              onChange={(event) => setCurrency(event.currentTarget.value)}
              data={sold.map((option) => option.code)}
              error={errorAt('currency')}
              inputWrapperOrder={BELOW}
              data-testid="list-price-form-currency"
            />
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, xs: editing ? 6 : 5 }}>
          <TextInput
            label={t('catalogAdmin.prices.amount', { currency })}
            description={
              now
                ? t('catalogAdmin.listPrices.retailNow', {
                    price: formatMinor(i18n.language, now.regularPriceMinor, currency, exponentOf(currency)),
                  })
                : t('catalogAdmin.listPrices.amountHint')
            }
            inputMode="decimal"
            value={tier.amount}
            onChange={(event) => update({ amount: event.currentTarget.value })}
            error={errorAt('amount', 'number')}
            withAsterisk
            inputWrapperOrder={BELOW}
            data-autofocus={editing ? true : undefined}
            data-testid="list-price-form-amount"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: editing ? 6 : 4 }}>
          <NumberInput
            label={t('catalogAdmin.prices.fromQuantity')}
            description={t('catalogAdmin.listPrices.quantityHint')}
            value={tier.minQuantity}
            onChange={(value) => update({ minQuantity: typeof value === 'number' ? value : '' })}
            min={1}
            allowDecimal={false}
            allowNegative={false}
            error={errorAt('minQuantity')}
            inputWrapperOrder={BELOW}
            data-testid="list-price-form-quantity"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 6 }}>
          <TextInput
            type="datetime-local"
            label={t('catalogAdmin.prices.validFrom')}
            description={t('catalogAdmin.listPrices.windowHint')}
            value={tier.validFrom}
            onChange={(event) => update({ validFrom: event.currentTarget.value })}
            error={errorAt('validFrom')}
            inputWrapperOrder={BELOW}
            data-testid="list-price-form-from"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 6 }}>
          <TextInput
            type="datetime-local"
            label={t('catalogAdmin.prices.validTo')}
            description={t('catalogAdmin.priceLists.stockholmTime')}
            value={tier.validTo}
            onChange={(event) => update({ validTo: event.currentTarget.value })}
            error={errorAt('validTo')}
            inputWrapperOrder={BELOW}
            data-testid="list-price-form-to"
          />
        </Grid.Col>
      </Grid>
    </ModalForm>
  );
}
