import { type MantineSize, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskHosts } from '../api/kiosk-api';
import type { KioskHost } from '../api/types';

/** What the guest types is sent once they pause, not on every key. */
const TYPING_PAUSE_MS = 250;

export const hostLabel = (host: KioskHost) => (host.unit ? `${host.name} – ${host.unit}` : host.name);

interface HostPickerProps {
  value: KioskHost | null;
  onChange: (host: KioskHost | null) => void;
  label: string;
  description?: string;
  error?: string;
  size?: MantineSize;
  testId: string;
}

/**
 * A person of the directory, searched by name or unit from the second character on. The search answers names
 * and units only, so it is safe on an anonymous kiosk; the server does the matching.
 */
export function HostPicker({ value, onChange, label, description, error, size = 'sm', testId }: HostPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value ? hostLabel(value) : '');
  const [settled] = useDebouncedValue(search, TYPING_PAUSE_MS);
  const query = value && settled === hostLabel(value) ? '' : settled;
  const hosts = useKioskHosts(query);
  const found = hosts.data ?? [];
  const options = value && !found.some((host) => host.id === value.id) ? [value, ...found] : found;
  const nothingFound =
    query.trim().length < 2
      ? t('visitors.kiosk.hostTypeMore')
      : hosts.isFetching
        ? t('common.loading')
        : t('visitors.kiosk.hostNone');

  return (
    <Select
      label={label}
      description={description}
      error={error}
      size={size}
      searchable
      clearable
      data={options.map((host) => ({ value: host.id, label: hostLabel(host) }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((host) => host.id === id) ?? null)}
      searchValue={search}
      onSearchChange={setSearch}
      // The server matched already, also across diacritics; filtering again here would drop its answers.
      filter={({ options: all }) => all}
      nothingFoundMessage={nothingFound}
      comboboxProps={{ shadow: 'md' }}
      styles={{ option: { minHeight: size === 'xl' ? 52 : undefined, fontSize: size === 'xl' ? 20 : undefined } }}
      data-testid={testId}
      autoComplete="off"
    />
  );
}
