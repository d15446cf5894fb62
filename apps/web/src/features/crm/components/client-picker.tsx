import type { CrmClient } from '@kontor/contracts';
import { Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useClientSearch } from '../api/clients-api';

/** What the user types is sent once they pause, not on every key. */
const TYPING_PAUSE_MS = 250;

interface ClientPickerProps {
  label: string;
  /** The chosen client's `ref`, or ''. */
  value: string;
  onChange: (ref: string) => void;
  error?: string;
  required?: boolean;
  w?: number;
  testId: string;
}

/** The server matched by folded name already (Åsa finds asa): filtering again here would drop its answers. */
const keepAll = ({ options }: { options: unknown[] }) => options as never;

const optionOf = (client: CrmClient) => ({ value: client.ref, label: client.name, city: client.city });

/** One client of the CRM (ours or still in the legacy CRM), found by name. */
export function ClientPicker(props: ClientPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [settled] = useDebouncedValue(search, TYPING_PAUSE_MS);
  const found = useClientSearch(settled);
  // A client chosen elsewhere (the address, a client's page) is named by reading it.
  const chosen = useClient(props.value);
  const options = new Map<string, { value: string; label: string; city: string | null }>();
  for (const client of found.data?.items ?? []) options.set(client.ref, optionOf(client));
  // Namesakes are common (three Åsa Öberg): the chosen one's city and phone say which it is.
  const picked = chosen.data ?? found.data?.items.find((client) => client.ref === props.value);
  const pickedDetails = picked && props.value ? [picked.city, picked.phone].filter(Boolean).join(' · ') : '';
  if (props.value && !options.has(props.value))
    options.set(
      props.value,
      chosen.data ? optionOf(chosen.data) : { value: props.value, label: props.value, city: null },
    );
  return (
    <Select
      label={props.label}
      description={pickedDetails || undefined}
      error={props.error ?? (found.error ? t('crm.clients.searchFailed') : undefined)}
      required={props.required}
      clearable={!props.required}
      searchable
      data={[...options.values()]}
      renderOption={({ option }) => {
        const city = options.get(option.value)?.city;
        return (
          <div>
            <Text size="sm">{option.label}</Text>
            {city ? (
              <Text size="xs" c="dimmed">
                {city}
              </Text>
            ) : null}
          </div>
        );
      }}
      value={props.value || null}
      onChange={(ref) => props.onChange(ref ?? '')}
      searchValue={search}
      onSearchChange={setSearch}
      filter={keepAll}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('common.nothingFound')}
      placeholder={t('crm.clients.pickPlaceholder')}
      w={props.w}
      data-testid={props.testId}
      autoComplete="off"
    />
  );
}
