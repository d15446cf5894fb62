import { crmOrderStatuses } from '@kontor/contracts';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CrmOrderFilters, noCrmOrderFilters } from '../api/order-filters';
import { ClientPicker } from './client-picker';

interface OrderFiltersFormProps {
  value: CrmOrderFilters;
  onChange: (filters: CrmOrderFilters) => void;
  /** The server's word on a filter it refused (a malformed day), by field. */
  fieldErrors: Record<string, string>;
}

/** The client and status apply at once; the words and days on "Search", so typing does not fetch per key. */
export function OrderFiltersForm({ value, onChange, fieldErrors }: OrderFiltersFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };
  const setNow = (next: CrmOrderFilters) => {
    setDraft(next);
    onChange(next);
  };
  return (
    <form onSubmit={submit} aria-label={t('crm.orders.filters')}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <ClientPicker
          label={t('crm.orders.client')}
          value={draft.client}
          onChange={(client) => setNow({ ...draft, client })}
          error={fieldErrors.client}
          w={240}
          testId="crm-orders-filter-client"
        />
        <TextInput
          label={t('crm.orders.search')}
          description={t('crm.orders.searchHint')}
          value={draft.q}
          onChange={(event) => setDraft({ ...draft, q: event.currentTarget.value })}
          error={fieldErrors.q}
          data-testid="crm-orders-filter-q"
          w={200}
        />
        <Select
          label={t('crm.orders.status')}
          data={[
            { value: '', label: t('crm.orders.anyStatus') },
            ...crmOrderStatuses.map((status) => ({ value: status, label: t(`crm.status.${status}`) })),
          ]}
          value={draft.status}
          onChange={(status) => setNow({ ...draft, status: (status ?? '') as CrmOrderFilters['status'] })}
          allowDeselect={false}
          error={fieldErrors.status}
          data-testid="crm-orders-filter-status"
          w={160}
        />
        <TextInput
          type="date"
          label={t('crm.orders.from')}
          value={draft.from}
          onChange={(event) => setDraft({ ...draft, from: event.currentTarget.value })}
          error={fieldErrors.from}
          data-testid="crm-orders-filter-from"
        />
        <TextInput
          type="date"
          label={t('crm.orders.to')}
          value={draft.to}
          onChange={(event) => setDraft({ ...draft, to: event.currentTarget.value })}
          error={fieldErrors.to}
          data-testid="crm-orders-filter-to"
        />
        <Button type="submit" data-testid="crm-orders-filter-submit">
          {t('crm.orders.apply')}
        </Button>
        {Object.values(value).some(Boolean) ? (
          <Button variant="subtle" onClick={() => setNow(noCrmOrderFilters)} data-testid="crm-orders-filter-clear">
            {t('crm.orders.clear')}
          </Button>
        ) : null}
      </Group>
    </form>
  );
}
