import {
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type { BoardColumnCards, BoardCard as Card } from '@kontor/contracts';
import { Alert, Button, Group, ScrollArea, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../app/api-client';
import { ConfirmModal } from '../../../app/confirm-modal';
import { FormModal } from '../../../app/form';
import { PageHeader } from '../../../app/page-header';
import { ProblemAlert } from '../../../app/problem-alert';
import { problemText } from '../../../app/problem-text';
import { useDeskLive } from '../api/desk-api';
import { BoardCard } from './board-card';
import { BoardColumnView } from './board-column';
import { BoardForm } from './board-form';
import { boardAnnouncements, columnJump } from './board-keyboard';
import { type CardMove, useBoard, useBoards, useMoveCard } from './boards-api';

const isFull = (column: BoardColumnCards) => column.wipLimit !== null && column.count >= column.wipLimit;

/** One of my boards: columns of cards, moved by drag and drop or "Move to…", re-read live as the desk changes. */
export function BoardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const live = useDeskLive();
  const boards = useBoards();
  const board = useBoard(id);
  const move = useMoveCard(id);
  const [confirming, setConfirming] = useState<CardMove | null>(null);
  const [editing, setEditing] = useState<'new' | 'edit' | null>(null);
  const sensors = useSensors(
    // A few pixels before a drag starts, so a click on the card's link or menu stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnJump }),
  );
  const statusColumns = board.data?.columns.filter((column) => column.status !== null) ?? [];

  const request = (card: Card, to: BoardColumnCards) => {
    move.reset();
    const wanted = { cardId: card.id, from: card.status, to };
    if (isFull(to)) setConfirming(wanted);
    else move.mutate(wanted);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const card = active.data.current?.card as Card | undefined;
    const to = over?.data.current?.column as BoardColumnCards | undefined;
    if (!card || !to?.status || to.status === card.status) return;
    request(card, to);
  };

  return (
    <>
      <PageHeader title={board.data?.name ?? t('desk.boards.title')} live={live} />
      <Stack gap="md">
        <Group justify="space-between">
          <Select
            aria-label={t('desk.boards.switch')}
            data={(boards.data ?? []).map((entry) => ({ value: entry.id, label: entry.name }))}
            value={id}
            onChange={(value) => value && navigate(`/desk/boards/${value}`)}
            allowDeselect={false}
            data-testid="board-switch"
            w={260}
          />
          <Group gap="xs">
            <Button variant="default" size="xs" onClick={() => setEditing('edit')} disabled={!board.data}>
              {t('desk.boards.edit')}
            </Button>
            <Button size="xs" onClick={() => setEditing('new')} data-testid="new-board">
              {t('desk.boards.new')}
            </Button>
          </Group>
        </Group>
        {board.data?.baseQuery ? (
          <Text size="sm" c="dimmed">
            {t('desk.boards.baseFilter', { query: board.data.baseQuery })}
          </Text>
        ) : null}
        {move.error ? (
          <Alert
            color="red"
            variant="light"
            role="alert"
            withCloseButton
            onClose={() => move.reset()}
            title={t('desk.boards.moveRefused')}
            data-testid="board-move-error"
          >
            <MoveRefusal error={move.error} move={move.variables} />
          </Alert>
        ) : null}
        <ProblemAlert error={board.error} />
        {board.data ? (
          <DndContext
            sensors={sensors}
            collisionDetection={pointerWithin}
            onDragEnd={onDragEnd}
            accessibility={{
              announcements: boardAnnouncements(t),
              screenReaderInstructions: { draggable: t('desk.boards.announce.instructions') },
            }}
          >
            <ScrollArea type="auto" offsetScrollbars>
              <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
                {board.data.columns.map((column) => (
                  <BoardColumnView key={column.id} column={column}>
                    {column.cards.map((card) => (
                      <BoardCard key={card.id} card={card} targets={statusColumns} onMove={(to) => request(card, to)} />
                    ))}
                  </BoardColumnView>
                ))}
              </Group>
            </ScrollArea>
          </DndContext>
        ) : null}
      </Stack>
      <ConfirmModal
        opened={confirming !== null}
        title={t('desk.boards.fullTitle')}
        confirmLabel={t('desk.boards.moveAnyway')}
        onClose={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming) move.mutate(confirming);
          setConfirming(null);
        }}
      >
        {t('desk.boards.fullText', { column: confirming?.to.title ?? '', limit: confirming?.to.wipLimit ?? 0 })}
      </ConfirmModal>
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('desk.boards.new') : t('desk.boards.edit')}
        size="xl"
      >
        <BoardForm
          board={editing === 'edit' ? board.data : undefined}
          onDone={(saved) => {
            setEditing(null);
            navigate(`/desk/boards/${saved ?? boards.data?.[0]?.id ?? ''}`);
          }}
          onCancel={() => setEditing(null)}
        />
      </FormModal>
    </>
  );
}

/** Why the server refused a move: a forbidden transition named by its statuses, anything else as the server says. */
function MoveRefusal({ error, move }: { error: unknown; move: CardMove | undefined }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.code === 'desk.bad_transition' && move?.to.status)
    return t('desk.boards.badMove', { from: t(`desk.status.${move.from}`), to: t(`desk.status.${move.to.status}`) });
  const { title, detail } = problemText(t, error);
  return detail ? `${title}: ${detail}` : title;
}
