import { Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../app/problem-alert';
import { useDirectorySearch } from '../api/directory-api';
import { EntryList } from './entry-list';

/** Debounced just enough to skip the keystrokes of a fast typist; each search answers in a few milliseconds. */
const TYPING_PAUSE_MS = 120;

export function DirectorySearch({ query, onQueryChange }: { query: string; onQueryChange: (query: string) => void }) {
  const { t } = useTranslation();
  const [settled] = useDebouncedValue(query, TYPING_PAUSE_MS);
  const search = useDirectorySearch(settled);
  const results = search.data?.results ?? [];
  const answered = settled.trim() !== '' && search.data !== undefined && !search.isPlaceholderData;

  return (
    <Stack gap="sm" role="search">
      <TextInput
        type="search"
        size="md"
        label={t('directory.search.label')}
        description={t('directory.search.hint')}
        placeholder={t('directory.search.placeholder')}
        value={query}
        onChange={(event) => onQueryChange(event.currentTarget.value)}
        rightSection={search.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
        autoComplete="off"
        spellCheck={false}
        data-testid="directory-search"
        data-autofocus
      />
      {search.error ? <ProblemAlert error={search.error} /> : null}
      <div aria-live="polite">
        {settled.trim() && results.length > 0 ? <EntryList entries={results} testId="directory-results" /> : null}
        {answered && results.length === 0 ? (
          <Text c="dimmed" data-testid="directory-no-results">
            {t('directory.search.empty', { query: settled.trim() })}
          </Text>
        ) : null}
      </div>
    </Stack>
  );
}
