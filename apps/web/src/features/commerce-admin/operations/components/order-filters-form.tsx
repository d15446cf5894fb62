import { shopOrderStatuses } from '@kontor/contracts';
import { Button, Checkbox, Group, Select, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noOrderFilters, type OrderFilters } from '../api/order-filters';

interface OrderFiltersFormProps {
  value: OrderFilters;
  onChange: (filters: OrderFilters) => void;
  /** The server's word on a filter it refused (a malformed day), by field. */
  fieldErrors: Record<string, string>;
}

/** Status and review apply at once; the days and the words on "Search", so typing does not fetch per key. */
export function OrderFiltersForm({ value, onChange, fieldErrors }: OrderFiltersFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };
  const setNow = (next: OrderFilters) => {
    setDraft(next);
    onChange(next);
  };
  return (
    <form onSubmit={submit} aria-label={t('commerceOps.orders.filters')}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('commerceOps.orders.search')}
          description={t('commerceOps.orders.searchHint')}
          value={draft.q}
          onChange={(event) => setDraft({ ...draft, q: event.currentTarget.value })}
          error={fieldErrors.q}
          data-testid="orders-filter-q"
          w={260}
        />
        <Select
          label={t('commerceOps.orders.status')}
          data={[
            { value: '', label: t('commerceOps.orders.anyStatus') },
            ...shopOrderStatuses.map((status) => ({ value: status, label: t(`commerceOps.status.${status}`) })),
          ]}
          value={draft.status}
          onChange={(status) => setNow({ ...draft, status: (status ?? '') as OrderFilters['status'] })}
          allowDeselect={false}
          error={fieldErrors.status}
          data-testid="orders-filter-status"
          w={170}
        />
        <TextInput
          type="date"
          label={t('commerceOps.orders.from')}
          value={draft.from}
          onChange={(event) => setDraft({ ...draft, from: event.currentTarget.value })}
          error={fieldErrors.from}
          data-testid="orders-filter-from"
        />
        <TextInput
          type="date"
          label={t('commerceOps.orders.to')}
          value={draft.to}
          onChange={(event) => setDraft({ ...draft, to: event.currentTarget.value })}
          error={fieldErrors.to}
          data-testid="orders-filter-to"
        />
        <Checkbox
          label={t('commerceOps.orders.needsReview')}
          checked={draft.review}
          onChange={(event) => setNow({ ...draft, review: event.currentTarget.checked })}
          data-testid="orders-filter-review"
          mb={8}
        />
        <Button type="submit" data-testid="orders-filter-submit">
          {t('commerceOps.orders.apply')}
        </Button>
        <Button variant="subtle" onClick={() => setNow(noOrderFilters)} data-testid="orders-filter-clear">
          {t('commerceOps.orders.clear')}
        </Button>
      </Group>
    </form>
  );
}
