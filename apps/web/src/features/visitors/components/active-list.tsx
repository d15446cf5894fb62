import { Badge, Button, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../app/data-table';
import { ProblemAlert } from '../../../app/problem-alert';
import type { VisitorEntry } from '../api/types';
import { useReleaseEntry, useSaveNotes } from '../api/visitors-api';
import { guestName } from './guest-line';
import type { CardWords } from './use-card-words';
import { useVisitTime } from './use-visit-time';

const NOTES_MAX = 1000;

/** "Lista przydzielonych kart": who holds which card, with notes, and Release ("zwolnij") at the exit. */
export function ActiveList({ entries, cards }: { entries: VisitorEntry[]; cards: CardWords }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="active-title">
      <Title order={2} size="h3" id="active-title" mb="sm">
        {t('visitors.reception.active', { n: entries.length })}
      </Title>
      <DataTable
        testId="active-list"
        minWidth={820}
        columns={[
          t('visitors.fields.card'),
          t('visitors.fields.guest'),
          t('visitors.fields.host'),
          t('visitors.fields.since'),
          t('visitors.fields.notes'),
        ]}
        withActions
        loading={false}
        error={null}
        empty={{ when: entries.length === 0, text: t('visitors.reception.activeEmpty'), testId: 'active-empty' }}
      >
        {entries.map((entry) => (
          <ActiveRow key={entry.id} entry={entry} cards={cards} />
        ))}
      </DataTable>
    </section>
  );
}

function ActiveRow({ entry, cards }: { entry: VisitorEntry; cards: CardWords }) {
  const { t } = useTranslation();
  const visitTime = useVisitTime();
  const release = useReleaseEntry();
  const saveNotes = useSaveNotes();
  const [notes, setNotes] = useState(entry.notes);
  const error = release.error ?? saveNotes.error;
  const name = guestName(entry);
  const card = entry.card === null ? '–' : cards.label(entry.card, entry.cardType);
  return (
    <Table.Tr data-testid="active-entry" data-entry-id={entry.id} data-card={entry.card ?? undefined}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {/* The whole label: the card is what the receptionist looks for. */}
        <Badge
          size="lg"
          variant="light"
          tt="none"
          styles={{ label: { overflow: 'visible' } }}
          data-testid="active-card"
        >
          {card}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text fw={600} size="sm" data-testid="guest-name" style={{ overflowWrap: 'anywhere', unicodeBidi: 'isolate' }}>
          {name}
        </Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere', unicodeBidi: 'isolate' }}>
          {entry.company}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {entry.hostName ?? '–'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{entry.cardGivenAt ? visitTime(entry.cardGivenAt) : '–'}</Text>
      </Table.Td>
      <Table.Td miw={200}>
        <Textarea
          aria-label={t('visitors.reception.notesFor', { name })}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          // Kept as soon as the receptionist moves on, so another reception desk sees them too.
          onBlur={() => {
            if (notes.trim() !== entry.notes.trim()) saveNotes.mutate({ id: entry.id, notes: notes.trim() });
          }}
          maxLength={NOTES_MAX}
          autosize
          minRows={1}
          maxRows={4}
          size="xs"
          data-testid="active-notes"
        />
        {error ? <ProblemAlert error={error} /> : null}
      </Table.Td>
      <Table.Td ta="right">
        <Button
          color="green"
          onClick={() => release.mutate({ id: entry.id, notes })}
          loading={release.isPending}
          aria-label={t('visitors.reception.releaseNamed', { name, card })}
          data-testid="release-entry"
        >
          {t('visitors.reception.release')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
