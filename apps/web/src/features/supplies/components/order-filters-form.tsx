import { deliveryStates, type OrderingUnit, orderStatuses } from '@kontor/contracts';
import { Button, Group, NativeSelect, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noOrderFilters, OPEN_STATUSES, type OrderFilters } from '../api/order-filters';

interface OrderFiltersFormProps {
  value: OrderFilters;
  onChange: (filters: OrderFilters) => void;
  units: OrderingUnit[];
  fieldErrors: Record<string, string>;
  /** The hub's queue offers "new or received" and "only with open change requests". */
  hub?: boolean;
}

/** Choices apply at once; the text and the dates when submitted, so typing does not fetch on every key. */
export function OrderFiltersForm({ value, onChange, units, fieldErrors, hub }: OrderFiltersFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const apply = (next: OrderFilters) => {
    setDraft(next);
    onChange(next);
  };
  const choose = <K extends keyof OrderFilters>(key: K, next: OrderFilters[K]) => apply({ ...draft, [key]: next });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };
  const statusOptions = [
    { value: '', label: t('supplies.filters.anyStatus') },
    ...(hub ? [{ value: OPEN_STATUSES, label: t('supplies.filters.open') }] : []),
    ...orderStatuses.map((status) => ({ value: status, label: t(`supplies.status.${status}`) })),
  ];

  return (
    <form onSubmit={submit} aria-label={t('supplies.filters.title')} data-testid="order-filters">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} spacing="sm">
        <NativeSelect
          label={t('supplies.fields.unit')}
          value={draft.unitId}
          onChange={(event) => choose('unitId', event.currentTarget.value)}
          data={[
            { value: '', label: t('supplies.filters.anyUnit') },
            ...units.map((unit) => ({ value: unit.id, label: unit.name })),
          ]}
          error={fieldErrors.unitId}
          data-testid="order-filter-unit"
        />
        <NativeSelect
          label={t('supplies.fields.status')}
          value={draft.status}
          onChange={(event) => choose('status', event.currentTarget.value as OrderFilters['status'])}
          data={statusOptions}
          error={fieldErrors.status}
          data-testid="order-filter-status"
        />
        <NativeSelect
          label={t('supplies.fields.delivery')}
          value={draft.delivery}
          onChange={(event) => choose('delivery', event.currentTarget.value as OrderFilters['delivery'])}
          data={[
            { value: '', label: t('supplies.filters.anyDelivery') },
            ...deliveryStates.map((state) => ({ value: state, label: t(`supplies.delivery.${state}`) })),
          ]}
          error={fieldErrors.delivery}
          data-testid="order-filter-delivery"
        />
        <TextInput
          type="search"
          label={t('supplies.filters.text')}
          placeholder={t('supplies.filters.textPlaceholder')}
          value={draft.q}
          onChange={(event) => setDraft({ ...draft, q: event.currentTarget.value })}
          onBlur={() => onChange(draft)}
          error={fieldErrors.q}
          data-testid="order-filter-text"
        />
        <TextInput
          type="date"
          label={t('supplies.filters.from')}
          value={draft.from}
          max={draft.to || undefined}
          onChange={(event) => choose('from', event.currentTarget.value)}
          error={fieldErrors.from}
          data-testid="order-filter-from"
        />
        <TextInput
          type="date"
          label={t('supplies.filters.to')}
          value={draft.to}
          min={draft.from || undefined}
          onChange={(event) => choose('to', event.currentTarget.value)}
          error={fieldErrors.to}
          data-testid="order-filter-to"
        />
      </SimpleGrid>
      <Group gap="sm" mt="sm" justify="space-between">
        {hub ? (
          <Switch
            label={t('supplies.filters.openRequests')}
            checked={draft.openRequests}
            onChange={(event) => choose('openRequests', event.currentTarget.checked)}
            data-testid="order-filter-open-requests"
          />
        ) : (
          <span />
        )}
        <Group gap="xs">
          <Button type="submit" size="xs" data-testid="order-filter-apply">
            {t('supplies.filters.apply')}
          </Button>
          <Button size="xs" variant="default" onClick={() => apply({ ...noOrderFilters })}>
            {t('supplies.filters.reset')}
          </Button>
        </Group>
      </Group>
    </form>
  );
}
