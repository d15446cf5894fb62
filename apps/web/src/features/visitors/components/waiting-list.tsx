import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api-client';
import { ConfirmModal } from '../../../app/confirm-modal';
import { useFormat } from '../../../app/format';
import { ProblemAlert } from '../../../app/problem-alert';
import type { VisitorCard, VisitorEntry } from '../api/types';
import { useAssignCard, useRejectEntry } from '../api/visitors-api';
import { GuestLine, guestName } from './guest-line';
import type { CardWords } from './use-card-words';

/** The card offered first: the lowest free one of the regular guests' type, else the lowest free one at all. */
export function suggestedCard(free: readonly VisitorCard[]): VisitorCard | undefined {
  return free.find((card) => card.type === 'regular') ?? free[0];
}

interface WaitingListProps {
  entries: VisitorEntry[];
  freeCards: VisitorCard[];
  cards: CardWords;
  /** Entries that arrived while the page was open, highlighted for a moment. */
  fresh: ReadonlySet<string>;
  now: number;
}

/** "Oczekujący na przydzielenie karty": each guest with a card to give, or to be rejected. */
export function WaitingList({ entries, freeCards, cards, fresh, now }: WaitingListProps) {
  const { t } = useTranslation();
  const [rejecting, setRejecting] = useState<VisitorEntry | null>(null);
  const reject = useRejectEntry();
  return (
    <section aria-labelledby="waiting-title">
      <Title order={2} size="h3" id="waiting-title" mb="sm">
        {t('visitors.reception.waiting', { n: entries.length })}
      </Title>
      {freeCards.length === 0 ? (
        <Alert color="orange" variant="light" mb="sm" data-testid="no-free-cards">
          {t('visitors.reception.noFreeCards')}
        </Alert>
      ) : null}
      {entries.length === 0 ? (
        <Text c="dimmed" data-testid="waiting-empty">
          {t('visitors.reception.waitingEmpty')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="sm" data-testid="waiting-list">
          {entries.map((entry) => (
            <WaitingEntry
              key={entry.id}
              entry={entry}
              freeCards={freeCards}
              cards={cards}
              fresh={fresh.has(entry.id)}
              now={now}
              onReject={() => {
                reject.reset();
                setRejecting(entry);
              }}
            />
          ))}
        </SimpleGrid>
      )}
      <ConfirmModal
        opened={rejecting !== null}
        title={t('visitors.reception.rejectTitle')}
        confirmLabel={t('visitors.reception.reject')}
        loading={reject.isPending}
        error={reject.error}
        onClose={() => setRejecting(null)}
        onConfirm={() => rejecting && reject.mutate({ id: rejecting.id }, { onSuccess: () => setRejecting(null) })}
      >
        {rejecting ? t('visitors.reception.rejectText', { name: guestName(rejecting) }) : null}
      </ConfirmModal>
    </section>
  );
}

interface WaitingEntryProps {
  entry: VisitorEntry;
  freeCards: VisitorCard[];
  cards: CardWords;
  fresh: boolean;
  now: number;
  onReject: () => void;
}

function WaitingEntry({ entry, freeCards, cards, fresh, now, onReject }: WaitingEntryProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const assign = useAssignCard();
  const [chosen, setChosen] = useState('');
  // A card chosen here may have been given meanwhile by someone else: then the suggestion applies again.
  const stillFree = freeCards.some((card) => String(card.number) === chosen);
  const selected = stillFree ? chosen : String(suggestedCard(freeCards)?.number ?? '');
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const card of freeCards) {
    const group = cards.typeNameOfKey(card.type);
    groups.set(group, [
      ...(groups.get(group) ?? []),
      { value: String(card.number), label: cards.label(card.number, card.type) },
    ]);
  }
  const taken = assign.error instanceof ApiError && assign.error.status === 409;
  const name = guestName(entry);

  return (
    <Paper
      withBorder
      p="sm"
      className={fresh ? 'visitors-fresh' : undefined}
      data-testid="waiting-entry"
      data-entry-id={entry.id}
      data-fresh={fresh || undefined}
    >
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <GuestLine entry={entry} />
        <Text size="sm" c="dimmed" title={format.dateTime(entry.submittedAt)}>
          {t('visitors.reception.waitingSince', { time: format.relativeTime(entry.submittedAt, now) })}
        </Text>
      </Group>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (selected) assign.mutate({ id: entry.id, card: Number(selected) });
        }}
      >
        <Group mt="sm" gap="xs" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('visitors.reception.card')}
            aria-label={t('visitors.reception.cardFor', { name })}
            value={selected}
            onChange={(event) => {
              assign.reset();
              setChosen(event.currentTarget.value);
            }}
            data={[...groups].map(([group, items]) => ({ group, items }))}
            disabled={freeCards.length === 0}
            style={{ flex: '1 1 200px' }}
            data-testid="card-select"
          />
          <Button type="submit" disabled={!selected} loading={assign.isPending} data-testid="assign-card">
            {t('visitors.reception.assign')}
          </Button>
          <Button
            variant="light"
            color="red"
            onClick={onReject}
            aria-label={t('visitors.reception.rejectNamed', { name })}
            data-testid="reject-entry"
          >
            {t('visitors.reception.reject')}
          </Button>
        </Group>
      </form>
      {taken ? (
        <Alert mt="xs" color="red" variant="light" role="alert" data-testid="card-taken">
          {t('visitors.reception.cardTaken')}
        </Alert>
      ) : assign.error ? (
        <ProblemAlert error={assign.error} />
      ) : null}
    </Paper>
  );
}
