import { type BoardColumn, type BoardColumnInput, type BoardView, incidentStatuses } from '@kontor/contracts';
import { ActionIcon, Button, Group, NumberInput, Paper, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalForm, useFieldErrors } from '../../../app/form';
import { useSavedFilters } from '../filters/filters-api';
import { useCreateBoard, useDeleteBoard, usePatchBoard } from './boards-api';

/** Filter texts read as code; the labels stay in the page's font. */
const MONOSPACE_INPUT = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

interface BoardFormProps {
  /** The board to change; none: a new board. */
  board?: BoardView;
  /** With the saved board's id, or none when it was deleted. */
  onDone: (boardId?: string) => void;
  onCancel: () => void;
}

type ColumnDraft = {
  key: string;
  id?: string;
  title: string;
  status: string;
  filterId: string;
  query: string;
  wipLimit: number | '';
};

let drafts = 0;
const draftOf = (column?: Partial<BoardColumn>): ColumnDraft => {
  drafts += 1;
  return {
    key: column?.id ?? `draft-${drafts}`,
    id: column?.id || undefined,
    title: column?.title ?? '',
    status: column?.status ?? '',
    filterId: column?.filterId ?? '',
    query: column?.query ?? '',
    wipLimit: column?.wipLimit ?? '',
  };
};

const toInput = (draft: ColumnDraft): BoardColumnInput => ({
  id: draft.id,
  title: draft.title,
  status: (draft.status || null) as BoardColumnInput['status'],
  filterId: draft.filterId || null,
  query: draft.query || null,
  wipLimit: draft.wipLimit === '' ? null : draft.wipLimit,
});

/** A board's name, base filter and columns (each: a status, a saved filter and/or a query, a WIP limit), in order. */
export function BoardForm({ board, onDone, onCancel }: BoardFormProps) {
  const { t } = useTranslation();
  const create = useCreateBoard();
  const patch = usePatchBoard(board?.id ?? '');
  const remove = useDeleteBoard();
  const filters = useSavedFilters();
  const [name, setName] = useState(board?.name ?? '');
  const [baseQuery, setBaseQuery] = useState(board?.baseQuery ?? 'assignee:me');
  const [columns, setColumns] = useState<ColumnDraft[]>(
    board ? board.columns.map(draftOf) : [draftOf({ title: t('desk.status.new'), status: 'new' })],
  );
  const saving = board ? patch : create;
  const { fieldErrors, generalError } = useFieldErrors(saving.error);
  const change = (index: number, changes: Partial<ColumnDraft>) =>
    setColumns((all) => all.map((column, at) => (at === index ? { ...column, ...changes } : column)));
  const shift = (index: number, by: number) =>
    setColumns((all) => {
      const next = [...all];
      const [moved] = next.splice(index, 1);
      if (moved) next.splice(Math.max(0, Math.min(next.length, index + by)), 0, moved);
      return next;
    });

  const submit = () => {
    const input = { name, baseQuery, columns: columns.map(toInput) };
    if (board) patch.mutate(input, { onSuccess: (saved) => onDone(saved.id) });
    else create.mutate(input, { onSuccess: (saved) => onDone(saved.id) });
  };

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onCancel}
      error={generalError ?? (fieldErrors.columns || fieldErrors.baseQuery ? saving.error : null)}
      submitLabel={t('common.save')}
      submitTestId="board-submit"
      submitting={saving.isPending}
    >
      <TextInput
        label={t('desk.boards.name')}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={fieldErrors.name ? true : undefined}
        data-testid="board-name"
      />
      <TextInput
        label={t('desk.boards.baseQuery')}
        description={t('desk.boards.baseQueryHint')}
        value={baseQuery}
        styles={MONOSPACE_INPUT}
        onChange={(e) => setBaseQuery(e.currentTarget.value)}
      />
      {columns.map((column, index) => (
        <Paper key={column.key} withBorder p="xs">
          <Group align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              label={t('desk.boards.columnTitle')}
              required
              value={column.title}
              w={150}
              onChange={(e) => change(index, { title: e.currentTarget.value })}
            />
            <Select
              label={t('desk.field.status')}
              w={140}
              clearable
              placeholder={t('desk.boards.anyStatus')}
              data={incidentStatuses.map((status) => ({ value: status, label: t(`desk.status.${status}`) }))}
              value={column.status || null}
              onChange={(value) => change(index, { status: value ?? '' })}
            />
            <Select
              label={t('desk.boards.savedFilter')}
              w={160}
              clearable
              data={(filters.data ?? []).map((filter) => ({ value: filter.id, label: filter.name }))}
              value={column.filterId || null}
              onChange={(value) => change(index, { filterId: value ?? '' })}
            />
            <TextInput
              label={t('desk.boards.columnQuery')}
              w={170}
              styles={MONOSPACE_INPUT}
              value={column.query}
              onChange={(e) => change(index, { query: e.currentTarget.value })}
            />
            <NumberInput
              label={t('desk.boards.wip')}
              w={90}
              min={1}
              max={999}
              value={column.wipLimit}
              onChange={(value) => change(index, { wipLimit: typeof value === 'number' ? value : '' })}
            />
            <Group gap={2}>
              <ActionIcon
                variant="subtle"
                aria-label={t('desk.boards.left')}
                disabled={index === 0}
                onClick={() => shift(index, -1)}
              >
                ←
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                aria-label={t('desk.boards.right')}
                disabled={index === columns.length - 1}
                onClick={() => shift(index, 1)}
              >
                →
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('desk.boards.removeColumn')}
                disabled={columns.length === 1}
                onClick={() => setColumns((all) => all.filter((_, at) => at !== index))}
              >
                ×
              </ActionIcon>
            </Group>
          </Group>
        </Paper>
      ))}
      <Group justify="space-between">
        <Button
          variant="default"
          size="xs"
          disabled={columns.length >= 12}
          onClick={() => setColumns((all) => [...all, draftOf()])}
        >
          {t('desk.boards.addColumn')}
        </Button>
        {board && !board.isDefault ? (
          <Button
            variant="subtle"
            color="red"
            size="xs"
            loading={remove.isPending}
            onClick={() => remove.mutate(board.id, { onSuccess: () => onDone() })}
          >
            {t('desk.boards.delete')}
          </Button>
        ) : null}
      </Group>
    </ModalForm>
  );
}
