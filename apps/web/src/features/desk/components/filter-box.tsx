import { Alert, Code, Combobox, Group, Text, TextInput, useCombobox } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FilterSuggestion, useFilterSuggestions } from '../api/desk-api';
import { type FilterError, splitAtError } from '../api/filter-error';

interface FilterBoxProps {
  value: string;
  onApply: (q: string) => void;
  /** The server's answer to the filter last applied, when it could not read it. */
  error: FilterError | null;
}

/** Inserts a suggestion where it belongs; after a finished value the next term can begin. */
function applySuggestion(input: string, suggestion: FilterSuggestion) {
  const open = /[:(<>=]$/.test(suggestion.text);
  const inserted = `${suggestion.text}${open ? '' : ' '}`;
  const text = `${input.slice(0, suggestion.from)}${inserted}${input.slice(suggestion.to).replace(/^ /, '')}`;
  return { text, cursor: suggestion.from + inserted.length };
}

/** The filter language box: suggestions as one types, and the place the server could not read marked. */
export function FilterBox({ value, onApply, error }: FilterBoxProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const [cursor, setCursor] = useState(value.length);
  const [debounced, setDebounced] = useState({ q: value, cursor: value.length });
  const [focused, setFocused] = useState(false);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  useEffect(() => {
    const timer = setTimeout(() => setDebounced({ q: draft, cursor }), 150);
    return () => clearTimeout(timer);
  }, [draft, cursor]);
  const suggestions = useFilterSuggestions(debounced.q, debounced.cursor, focused).data ?? [];
  const shown = suggestions.slice(0, 10);

  useEffect(() => {
    if (focused && shown.length > 0) combobox.openDropdown();
    else combobox.closeDropdown();
  }, [focused, shown.length, combobox]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    combobox.closeDropdown();
    onApply(draft);
  };

  return (
    <form onSubmit={submit}>
      <Combobox
        store={combobox}
        onOptionSubmit={(index) => {
          const suggestion = shown[Number(index)];
          if (!suggestion) return;
          const next = applySuggestion(draft, suggestion);
          setDraft(next.text);
          setCursor(next.cursor);
        }}
      >
        <Combobox.Target>
          <TextInput
            label={t('desk.filter.label')}
            description={t('desk.filter.hint')}
            placeholder="status:open priority:>=high assignee:me"
            value={draft}
            data-testid="desk-filter"
            error={error ? true : undefined}
            spellCheck={false}
            autoComplete="off"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            onChange={(event) => {
              setDraft(event.currentTarget.value);
              setCursor(event.currentTarget.selectionStart ?? event.currentTarget.value.length);
            }}
            onSelect={(event) => setCursor(event.currentTarget.selectionStart ?? draft.length)}
            onFocus={() => setFocused(true)}
            onBlur={() => setFocused(false)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && combobox.getSelectedOptionIndex() < 0) submit();
              if (event.key === 'Escape') combobox.closeDropdown();
            }}
          />
        </Combobox.Target>
        <Combobox.Dropdown data-testid="desk-filter-suggestions">
          <Combobox.Options>
            {shown.map((suggestion, index) => (
              <Combobox.Option value={String(index)} key={`${suggestion.text}-${suggestion.from}`}>
                <Group justify="space-between" wrap="nowrap" gap="md">
                  <Code>{suggestion.text}</Code>
                  {suggestion.description ? (
                    <Text size="xs" c="dimmed" truncate>
                      {suggestion.description}
                    </Text>
                  ) : null}
                </Group>
              </Combobox.Option>
            ))}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      {error ? <FilterErrorAlert input={value} error={error} /> : null}
    </form>
  );
}

function FilterErrorAlert({ input, error }: { input: string; error: FilterError }) {
  const { t } = useTranslation();
  const [before, marked, after] = splitAtError(input, error);
  return (
    <Alert color="red" variant="light" mt="xs" title={t('desk.filter.error')} role="alert" data-testid="filter-error">
      <Code block mb="xs" data-testid="filter-error-input">
        {before}
        <mark
          data-testid="filter-error-mark"
          style={{ background: 'var(--mantine-color-red-2)', outline: '1px solid var(--mantine-color-red-6)' }}
        >
          {marked}
        </mark>
        {after}
      </Code>
      <Text size="sm">{t('desk.filter.errorAt', { position: error.position + 1, message: error.message })}</Text>
      {error.expected.length > 0 ? (
        <Text size="sm" c="dimmed">
          {t('desk.filter.expected', { expected: error.expected.slice(0, 12).join(', ') })}
        </Text>
      ) : null}
    </Alert>
  );
}
