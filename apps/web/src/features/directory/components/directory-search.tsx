import { Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../app/problem-alert';
import { useDirectorySearch } from '../api/directory-api';
import { EntryList } from './entry-list';

/** Debounced just enough to skip the keystrokes of a fast typist; each search answers in a few milliseconds. */
const TYPING_PAUSE_MS = 120;

export function DirectorySearch({ query, onQueryChange }: { query: string; onQueryChange: (query: string) => void }) {
  const { t } = useTranslation();
  // The box keeps what was typed itself and the address (with the search) follows once typing pauses: were the box
  // to show the address, the address catching up late would undo keystrokes made meanwhile.
  const [text, setText] = useState(query);
  const written = useRef(query);
  const follow = useDebouncedCallback((value: string) => {
    written.current = value;
    onQueryChange(value);
  }, TYPING_PAUSE_MS);
  // The address changed from elsewhere (Back, a link): the box shows it.
  useEffect(() => {
    if (query === written.current) return;
    follow.cancel();
    written.current = query;
    setText(query);
  }, [query, follow]);
  const search = useDirectorySearch(query);
  const results = search.data?.results ?? [];
  const answered = query.trim() !== '' && search.data !== undefined && !search.isPlaceholderData;

  return (
    <Stack gap="sm" role="search">
      <TextInput
        type="search"
        size="md"
        label={t('directory.search.label')}
        description={t('directory.search.hint')}
        placeholder={t('directory.search.placeholder')}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          follow(event.currentTarget.value);
        }}
        rightSection={search.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
        autoComplete="off"
        spellCheck={false}
        data-testid="directory-search"
        data-autofocus
      />
      {search.error ? <ProblemAlert error={search.error} /> : null}
      <div aria-live="polite">
        {query.trim() && results.length > 0 ? <EntryList entries={results} testId="directory-results" /> : null}
        {answered && results.length === 0 ? (
          <Text c="dimmed" data-testid="directory-no-results">
            {t('directory.search.empty', { query: query.trim() })}
          </Text>
        ) : null}
      </div>
    </Stack>
  );
}
