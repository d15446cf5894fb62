import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditFilters, noFilters, useAuditActions } from '../api/audit-api';

interface AuditFiltersFormProps {
  value: AuditFilters;
  onChange: (filters: AuditFilters) => void;
  fieldErrors: Record<string, string>;
}

export function AuditFiltersForm({ value, onChange, fieldErrors }: AuditFiltersFormProps) {
  const { t } = useTranslation();
  const actions = useAuditActions();
  const [draft, setDraft] = useState(value);
  const set = (key: keyof AuditFilters, next: string) => setDraft((previous) => ({ ...previous, [key]: next }));
  /** What every filter field has: its test id, label, value and error. */
  const field = (key: keyof AuditFilters) => ({
    'data-testid': `audit-filter-${key}`,
    label: t(`audit.filters.${key}`),
    error: fieldErrors[key],
  });
  const textField = (key: Exclude<keyof AuditFilters, 'action'>) => ({
    ...field(key),
    value: draft[key],
    onChange: (event: ChangeEvent<HTMLInputElement>) => set(key, event.currentTarget.value),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };

  return (
    <form onSubmit={submit} aria-label={t('audit.filters.title')} data-testid="audit-filters">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
        <TextInput {...textField('actor')} />
        <Select
          {...field('action')}
          placeholder={t('audit.filters.anyAction')}
          data={actions.data ?? []}
          value={draft.action || null}
          onChange={(next) => {
            // Choosing an action applies at once, as a select has no "type and confirm" moment.
            const filters = { ...draft, action: next ?? '' };
            setDraft(filters);
            onChange(filters);
          }}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
        />
        <TextInput {...textField('entity')} />
        <TextInput {...textField('from')} type="date" max={draft.to || undefined} />
        <TextInput {...textField('to')} type="date" min={draft.from || undefined} />
      </SimpleGrid>
      <Group gap="xs" mt="sm">
        <Button type="submit" data-testid="audit-filter-apply">
          {t('audit.filters.apply')}
        </Button>
        <Button
          variant="default"
          onClick={() => {
            setDraft(noFilters);
            onChange(noFilters);
          }}
        >
          {t('audit.filters.reset')}
        </Button>
      </Group>
    </form>
  );
}
