import { type Announcements, KeyboardCode, type KeyboardCoordinateGetter } from '@dnd-kit/core';
import type { BoardCard, BoardColumnCards } from '@kontor/contracts';
import type { TFunction } from 'i18next';

/**
 * Left and right arrows jump a picked-up card to the next status column (the ones it can be dropped on);
 * nothing else moves it, so a keyboard user never lands between columns.
 */
export const columnJump: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const direction = event.code === KeyboardCode.Right ? 1 : event.code === KeyboardCode.Left ? -1 : 0;
  if (direction === 0) return undefined;
  event.preventDefault();
  const lefts = context.droppableContainers
    .getEnabled()
    .map((container) => context.droppableRects.get(container.id))
    .filter((rect) => rect !== undefined)
    .map((rect) => ({ x: rect.left + 8, y: rect.top + 48 }))
    .sort((a, b) => a.x - b.x);
  const next =
    direction > 0
      ? lefts.find((point) => point.x > currentCoordinates.x + 16)
      : lefts.reverse().find((point) => point.x < currentCoordinates.x - 16);
  return next ?? currentCoordinates;
};

type Named = { data: { current?: Record<string, unknown> } } | null;
const cardOf = (node: Named) => node?.data.current?.card as BoardCard | undefined;
const columnOf = (node: Named) => node?.data.current?.column as BoardColumnCards | undefined;

/** What a screen reader hears while a card moves, in the user's language. */
export function boardAnnouncements(t: TFunction): Announcements {
  const card = (active: Named) => cardOf(active)?.reference ?? '';
  return {
    onDragStart: ({ active }) => t('desk.boards.announce.start', { card: card(active) }),
    onDragOver: ({ active, over }) =>
      columnOf(over)
        ? t('desk.boards.announce.over', { card: card(active), column: columnOf(over)?.title })
        : t('desk.boards.announce.nowhere', { card: card(active) }),
    onDragEnd: ({ active, over }) =>
      columnOf(over)
        ? t('desk.boards.announce.end', { card: card(active), column: columnOf(over)?.title })
        : t('desk.boards.announce.cancel', { card: card(active) }),
    onDragCancel: ({ active }) => t('desk.boards.announce.cancel', { card: card(active) }),
  };
}
