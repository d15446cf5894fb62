import { type CardStatus, cardStatuses } from '@kontor/contracts';
import { Badge, Button, Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../app/data-table';
import { FormModal, ModalForm, useFieldErrors } from '../../../app/form';
import { ProblemAlert } from '../../../app/problem-alert';
import { useAddCards, useUpdateCard } from '../api/admin-api';
import { codeOfCard } from '../api/scanner';
import type { VisitorCard } from '../api/types';
import { useCards } from '../api/visitors-api';
import type { CardWords } from './use-card-words';

const statusColor: Record<CardStatus, string> = { available: 'green', lost: 'orange', blocked: 'red' };

/** Every card with its state; a range of new cards added at once; a card marked lost or blocked, with a note. */
export function AdminCardPool({ cards }: { cards: CardWords }) {
  const { t } = useTranslation();
  const pool = useCards(false);
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState<VisitorCard | null>(null);
  const list = (pool.data ?? []).filter((card) => !status || card.status === status);

  return (
    <Stack gap="md">
      <AddRange />
      <Group gap="sm" align="flex-end">
        <NativeSelect
          label={t('visitors.admin.cardStatus')}
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value)}
          data={[
            { value: '', label: t('visitors.admin.anyStatus') },
            ...cardStatuses.map((value) => ({ value, label: t(`visitors.cardStatus.${value}`) })),
          ]}
          data-testid="card-pool-status-filter"
        />
      </Group>
      <DataTable
        testId="card-pool"
        minWidth={720}
        columns={[
          t('visitors.fields.card'),
          t('visitors.admin.code'),
          t('visitors.admin.cardStatus'),
          t('visitors.admin.inUse'),
          t('visitors.admin.note'),
        ]}
        withActions
        loading={pool.isPending}
        error={pool.error}
        caption={pool.data ? t('visitors.admin.poolCaption', { shown: list.length, total: pool.data.length }) : null}
        empty={{ when: pool.isSuccess && list.length === 0, text: t('visitors.admin.poolEmpty') }}
      >
        {list.map((card) => (
          <Table.Tr key={card.number} data-testid="pool-card" data-card={card.number} data-status={card.status}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {cards.label(card.number, card.type)}
              </Text>
              {card.type === null ? (
                <Text size="xs" c="orange.8">
                  {t('visitors.card.noType')}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td ff="monospace">{codeOfCard(card.number)}</Table.Td>
            <Table.Td>
              <Badge color={statusColor[card.status]} variant="light" tt="none">
                {t(`visitors.cardStatus.${card.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{card.holderEntryId ? t('visitors.admin.held') : '–'}</Table.Td>
            <Table.Td>
              <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                {card.note}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <Button
                size="xs"
                variant="default"
                onClick={() => setEditing(card)}
                aria-label={t('visitors.admin.editCard', { card: cards.label(card.number, card.type) })}
                data-testid="pool-card-edit"
              >
                {t('common.edit')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('visitors.admin.editCard', { card: cards.label(editing.number, editing.type) }) : ''}
        size="md"
      >
        {editing ? <CardForm card={editing} onDone={() => setEditing(null)} /> : null}
      </FormModal>
    </Stack>
  );
}

function CardForm({ card, onDone }: { card: VisitorCard; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCard();
  const [status, setStatus] = useState<CardStatus>(card.status);
  const [note, setNote] = useState(card.note);
  const { fieldErrors, generalError } = useFieldErrors(update.error);
  return (
    <ModalForm
      onSubmit={() => update.mutate({ number: card.number, status, note: note.trim() }, { onSuccess: onDone })}
      onCancel={onDone}
      error={generalError}
      submitLabel={t('common.save')}
      submitTestId="card-form-submit"
      submitting={update.isPending}
    >
      {card.holderEntryId ? (
        <Text size="sm" c="orange.8">
          {t('visitors.admin.heldWarning')}
        </Text>
      ) : null}
      <NativeSelect
        label={t('visitors.admin.cardStatus')}
        value={status}
        onChange={(event) => setStatus(event.currentTarget.value as CardStatus)}
        data={cardStatuses.map((value) => ({ value, label: t(`visitors.cardStatus.${value}`) }))}
        error={fieldErrors.status}
        data-testid="card-form-status"
      />
      <Textarea
        label={t('visitors.admin.note')}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        error={fieldErrors.note}
        maxLength={500}
        autosize
        minRows={2}
        data-testid="card-form-note"
      />
    </ModalForm>
  );
}

function AddRange() {
  const { t } = useTranslation();
  const add = useAddCards();
  const [from, setFrom] = useState<number | string>('');
  const [to, setTo] = useState<number | string>('');
  const [added, setAdded] = useState(false);
  const { fieldErrors, generalError } = useFieldErrors(add.error, { kinds: { from: 'number', to: 'number' } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(false);
    add.mutate({ from: Number(from), to: Number(to === '' ? from : to) }, { onSuccess: () => setAdded(true) });
  };
  return (
    <Paper withBorder p="sm">
      <form onSubmit={submit} aria-label={t('visitors.admin.addRange')}>
        <Text fw={600} mb="xs">
          {t('visitors.admin.addRange')}
        </Text>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <NumberInput
            label={t('visitors.admin.from')}
            value={from}
            onChange={(value) => setFrom(value)}
            min={0}
            max={999}
            allowDecimal={false}
            error={fieldErrors.from}
            w={130}
            data-testid="add-range-from"
          />
          <NumberInput
            label={t('visitors.admin.to')}
            value={to}
            onChange={(value) => setTo(value)}
            min={0}
            max={999}
            allowDecimal={false}
            error={fieldErrors.to}
            w={130}
            data-testid="add-range-to"
          />
          <Button type="submit" mt={25} loading={add.isPending} disabled={from === ''} data-testid="add-range-submit">
            {t('visitors.admin.addCards')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          {t('visitors.admin.addRangeHint')}
        </Text>
        {generalError ? <ProblemAlert error={generalError} /> : null}
        {added ? (
          <Text size="sm" c="green.8" mt="xs" role="status">
            {t('visitors.admin.cardsAdded')}
          </Text>
        ) : null}
      </form>
    </Paper>
  );
}
