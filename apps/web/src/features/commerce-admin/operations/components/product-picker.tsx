import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../../app/problem-alert';
import { pickText } from '../../catalog/api/translated';
import { useProductSearch, useProductsById } from '../api/product-lookup-api';

/** What the user types is sent once they pause, not on every key. */
const TYPING_PAUSE_MS = 250;

/** The chosen products (named from the catalog) followed by those the server found for the typed text. */
function useProductOptions(chosen: string[], search: string) {
  const { i18n } = useTranslation();
  const [settled] = useDebouncedValue(search, TYPING_PAUSE_MS);
  const found = useProductSearch(settled);
  const named = useProductsById(chosen);
  const options = new Map<string, string>();
  for (const id of chosen) {
    const product = named.get(id);
    options.set(id, product ? pickText(product.name, i18n.language) : id);
  }
  for (const product of found.data ?? [])
    if (!options.has(product.id)) options.set(product.id, pickText(product.name, i18n.language));
  return {
    data: [...options].map(([value, label]) => ({ value, label })),
    error: found.error,
    fetching: found.isFetching,
  };
}

interface PickerProps {
  label: string;
  description?: string;
  error?: string;
  testId: string;
}

/** The server matched by slug, name or SKU already: filtering again here would drop its answers. */
const keepAll = ({ options }: { options: unknown[] }) => options as never;

/** One product of the catalog, searched by name, slug or SKU. */
export function ProductPicker(props: PickerProps & { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const options = useProductOptions(props.value ? [props.value] : [], search);
  if (options.error) return <ProblemAlert error={options.error} />;
  return (
    <Select
      label={props.label}
      description={props.description}
      error={props.error}
      required
      searchable
      data={options.data}
      value={props.value || null}
      onChange={(id) => props.onChange(id ?? '')}
      searchValue={search}
      onSearchChange={setSearch}
      filter={keepAll}
      nothingFoundMessage={options.fetching ? t('common.loading') : t('common.nothingFound')}
      data-testid={props.testId}
      autoComplete="off"
    />
  );
}

/** Several products of the catalog, up to `max`. */
export function ProductsPicker(
  props: PickerProps & { value: string[]; onChange: (ids: string[]) => void; max: number },
) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const options = useProductOptions(props.value, search);
  if (options.error) return <ProblemAlert error={options.error} />;
  return (
    <MultiSelect
      label={props.label}
      description={props.description}
      error={props.error}
      required
      searchable
      data={options.data}
      value={props.value}
      onChange={props.onChange}
      maxValues={props.max}
      searchValue={search}
      onSearchChange={setSearch}
      filter={keepAll}
      nothingFoundMessage={options.fetching ? t('common.loading') : t('common.nothingFound')}
      data-testid={props.testId}
      autoComplete="off"
    />
  );
}
