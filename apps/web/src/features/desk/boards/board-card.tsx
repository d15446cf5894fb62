import { useDraggable } from '@dnd-kit/core';
import { type BoardColumnCards, type BoardCard as Card, incidentTransitions } from '@kontor/contracts';
import { ActionIcon, Anchor, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import { PriorityBadge } from '../components/incident-badges';

interface BoardCardProps {
  card: Card;
  /** The board's status columns: where "Move to…" can send the card. */
  targets: BoardColumnCards[];
  onMove: (to: BoardColumnCards) => void;
}

/**
 * One incident. Dragged by the pointer from anywhere on it, or from its handle by keyboard (Space, arrows,
 * Space); "Move to…" offers the same moves for those who do not drag, the transition table's allowed ones only.
 */
export function BoardCard({ card, targets, onMove }: BoardCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } = useDraggable({
    id: card.id,
    data: { card },
  });
  // Once resolved, the resolution's due time has been met or missed: the card no longer shows it.
  const due = card.status === 'resolved' || card.status === 'closed' ? null : card.resolutionDueAt;
  const overdue = due !== null && Date.parse(due) < Date.now();
  const allowed: readonly string[] = incidentTransitions[card.status];
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      shadow={isDragging ? 'md' : undefined}
      data-testid="board-card"
      data-reference={card.reference}
      style={{
        transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
        zIndex: isDragging ? 10 : undefined,
        position: 'relative',
        cursor: 'grab',
        touchAction: 'none',
      }}
      {...listeners}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              ref={setActivatorNodeRef}
              variant="subtle"
              size="sm"
              color="gray"
              aria-label={t('desk.boards.dragHandle', { reference: card.reference })}
              {...attributes}
            >
              ⠿
            </ActionIcon>
            <Anchor component={Link} to={`/desk/incidents/${card.id}`} ff="monospace" size="xs">
              {card.reference}
            </Anchor>
          </Group>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                size="sm"
                color="gray"
                aria-label={t('desk.boards.moveTo', { reference: card.reference })}
                data-testid="card-menu"
              >
                ⋯
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('desk.boards.moveToLabel')}</Menu.Label>
              {targets
                .filter((column) => column.status !== card.status)
                .map((column) => (
                  <Menu.Item
                    key={column.id}
                    disabled={!column.status || !allowed.includes(column.status)}
                    onClick={() => onMove(column)}
                    data-testid="card-move-target"
                  >
                    {column.title}
                  </Menu.Item>
                ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
        <Text size="sm" fw={500} lineClamp={3}>
          {card.title}
        </Text>
        <Group gap={6} wrap="wrap">
          <PriorityBadge priority={card.priority} />
          <Text size="xs" c="dimmed" truncate>
            {card.requesterName}
          </Text>
        </Group>
        <Group gap={6} justify="space-between" wrap="nowrap">
          <Text size="xs" c="dimmed" truncate>
            {card.assignee?.name ?? t('desk.nobody')}
          </Text>
          {due ? (
            <Text size="xs" c={overdue ? 'red' : 'dimmed'} fw={overdue ? 600 : undefined}>
              {t('desk.boards.due', { when: format.dateTime(due) })}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
