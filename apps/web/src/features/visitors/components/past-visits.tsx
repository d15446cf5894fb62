import { Button, Group, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../app/data-table';
import { useFieldErrors } from '../../../app/form';
import { useFormat } from '../../../app/format';
import { type EntrySearch, useEntries } from '../api/visitors-api';
import { guestName } from './guest-line';
import type { CardWords } from './use-card-words';

/** Closed visits by words (names, company, host, notes) and a date range, newest first as the server sorts them. */
export function PastVisits({ cards }: { cards: CardWords }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [draft, setDraft] = useState<Required<Pick<EntrySearch, 'q' | 'from' | 'to'>>>({ q: '', from: '', to: '' });
  const [search, setSearch] = useState(draft);
  const visits = useEntries('closed', { ...search, limit: 200 });
  const { fieldErrors, generalError } = useFieldErrors(visits.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(draft);
  };
  const list = visits.data?.entries ?? [];

  return (
    <>
      <form onSubmit={submit} aria-label={t('visitors.past.title')} data-testid="past-search">
        <Group gap="sm" align="flex-end" wrap="wrap" mb="md">
          <TextInput
            type="search"
            label={t('visitors.past.query')}
            value={draft.q}
            onChange={(event) => setDraft({ ...draft, q: event.currentTarget.value })}
            error={fieldErrors.q}
            style={{ flex: '2 1 220px' }}
            data-testid="past-query"
          />
          <TextInput
            type="date"
            label={t('visitors.past.from')}
            value={draft.from}
            max={draft.to || undefined}
            onChange={(event) => setDraft({ ...draft, from: event.currentTarget.value })}
            error={fieldErrors.from}
            data-testid="past-from"
          />
          <TextInput
            type="date"
            label={t('visitors.past.to')}
            value={draft.to}
            min={draft.from || undefined}
            onChange={(event) => setDraft({ ...draft, to: event.currentTarget.value })}
            error={fieldErrors.to}
            data-testid="past-to"
          />
          <Button type="submit" data-testid="past-submit">
            {t('visitors.past.search')}
          </Button>
        </Group>
      </form>
      <DataTable
        testId="past-visits"
        minWidth={860}
        columns={[
          t('visitors.fields.guest'),
          t('visitors.fields.host'),
          t('visitors.fields.card'),
          t('visitors.fields.arrived'),
          t('visitors.fields.left'),
          t('visitors.fields.notes'),
        ]}
        loading={visits.isPending}
        error={generalError}
        caption={visits.data ? t('visitors.past.caption', { shown: list.length, total: visits.data.total }) : null}
        empty={{ when: visits.isSuccess && list.length === 0, text: t('visitors.past.empty'), testId: 'past-empty' }}
      >
        {list.map((entry) => (
          <Table.Tr key={entry.id} data-testid="past-visit">
            <Table.Td>
              {entry.anonymised ? (
                <Text size="sm" c="dimmed" fs="italic">
                  {t('visitors.past.anonymised')}
                </Text>
              ) : (
                <>
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere', unicodeBidi: 'isolate' }}>
                    {guestName(entry)}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere', unicodeBidi: 'isolate' }}>
                    {entry.company}
                  </Text>
                </>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{entry.hostName ?? '–'}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{entry.card === null ? '–' : cards.label(entry.card, entry.cardType)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{format.dateTime(entry.cardGivenAt ?? entry.submittedAt)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{entry.exitedAt ? format.dateTime(entry.exitedAt) : '–'}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', unicodeBidi: 'isolate' }}>
                {entry.notes}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </>
  );
}
