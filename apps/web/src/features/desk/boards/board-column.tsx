import { useDroppable } from '@dnd-kit/core';
import type { BoardColumnCards } from '@kontor/contracts';
import { Badge, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface BoardColumnProps {
  column: BoardColumnCards;
  children: ReactNode;
}

/** A column: cards can be dropped only on a status column; a filter column only shows. */
export function BoardColumnView({ column, children }: BoardColumnProps) {
  const { t } = useTranslation();
  const droppable = column.status !== null;
  const { setNodeRef, isOver } = useDroppable({ id: column.id, disabled: !droppable, data: { column } });
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="sm"
      w={280}
      miw={280}
      bg={isOver ? 'var(--mantine-color-blue-light)' : 'var(--mantine-color-gray-light)'}
      data-testid="board-column"
      data-status={column.status ?? ''}
      data-over={isOver ? 'true' : 'false'}
      aria-label={column.title}
      component="section"
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h5">
            {column.title}
          </Title>
          <WipCount column={column} />
        </Group>
        {droppable ? null : (
          <Text size="xs" c="dimmed">
            {t('desk.boards.filterColumn')}
          </Text>
        )}
        {column.problem ? (
          <Text size="xs" c="red" role="alert">
            {column.problem.code === 'filter_missing'
              ? t('desk.boards.filterMissing')
              : t('desk.boards.queryInvalid', { message: column.problem.message })}
          </Text>
        ) : null}
        <Stack gap="xs" mih={80}>
          {children}
        </Stack>
        {column.count > column.cards.length ? (
          <Text size="xs" c="dimmed">
            {t('desk.boards.more', { count: column.count - column.cards.length })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** "3" or, with a limit, "6 / 5": red over the limit (Kanban: the limit is a policy everyone sees). */
function WipCount({ column }: { column: BoardColumnCards }) {
  const { t } = useTranslation();
  const label = column.wipLimit === null ? String(column.count) : `${column.count} / ${column.wipLimit}`;
  const badge = (
    <Badge
      variant={column.overLimit ? 'filled' : 'light'}
      color={column.overLimit ? 'red' : 'gray'}
      data-testid="column-count"
      data-over-limit={column.overLimit ? 'true' : 'false'}
    >
      {label}
    </Badge>
  );
  if (column.wipLimit === null) return badge;
  return (
    <Tooltip
      label={column.overLimit ? t('desk.boards.overLimit') : t('desk.boards.wipLimit', { limit: column.wipLimit })}
    >
      {badge}
    </Tooltip>
  );
}
