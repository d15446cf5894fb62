import type { SavedFilter } from '@kontor/contracts';
import { ActionIcon, Badge, Button, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../app/confirm-modal';
import { ProblemAlert } from '../../../app/problem-alert';
import { useDeleteFilter, useSavedFilters, useUpdateFilter } from './filters-api';

/** Rename, pin and delete the filters one may edit; filters shared by others are listed with their owner. */
export function ManageFilters() {
  const { t } = useTranslation();
  const filters = useSavedFilters();
  const update = useUpdateFilter();
  const remove = useDeleteFilter();
  const [deleting, setDeleting] = useState<SavedFilter | null>(null);
  if (filters.data?.length === 0) return <Text c="dimmed">{t('desk.filters.none')}</Text>;
  return (
    <Stack gap="xs">
      <ProblemAlert error={update.error} />
      {(filters.data ?? []).map((filter) => (
        <Group key={filter.id} gap="xs" wrap="nowrap" data-testid="manage-filter-row">
          {filter.editable ? (
            <RenameInput filter={filter} onRename={(name) => update.mutate({ id: filter.id, patch: { name } })} />
          ) : (
            <Text flex={1} size="sm" truncate>
              {filter.name}
            </Text>
          )}
          <Badge variant="light" color={filter.group ? 'teal' : 'gray'} tt="none">
            {filter.group ? filter.group.name : t('desk.filters.private')}
          </Badge>
          {filter.mine ? null : (
            <Text size="xs" c="dimmed">
              {t('desk.filters.by', { name: filter.owner.name })}
            </Text>
          )}
          {filter.editable ? (
            <>
              <Tooltip label={filter.pinned ? t('desk.filters.unpin') : t('desk.filters.pin')}>
                <ActionIcon
                  variant={filter.pinned ? 'filled' : 'subtle'}
                  aria-label={filter.pinned ? t('desk.filters.unpin') : t('desk.filters.pin')}
                  aria-pressed={filter.pinned}
                  onClick={() => update.mutate({ id: filter.id, patch: { pinned: !filter.pinned } })}
                >
                  ★
                </ActionIcon>
              </Tooltip>
              <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(filter)}>
                {t('desk.filters.delete')}
              </Button>
            </>
          ) : null}
        </Group>
      ))}
      <ConfirmModal
        opened={deleting !== null}
        title={t('desk.filters.deleteTitle')}
        confirmLabel={t('desk.filters.delete')}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        {t('desk.filters.deleteText', { name: deleting?.name ?? '' })}
      </ConfirmModal>
    </Stack>
  );
}

/** Saved when the field loses focus or Enter is pressed, if the name changed and is not empty. */
function RenameInput({ filter, onRename }: { filter: SavedFilter; onRename: (name: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(filter.name);
  const commit = () => {
    const trimmed = name.trim();
    if (trimmed && trimmed !== filter.name) onRename(trimmed);
    else setName(filter.name);
  };
  return (
    <TextInput
      flex={1}
      size="xs"
      aria-label={t('desk.filters.name')}
      value={name}
      maxLength={80}
      onChange={(event) => setName(event.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
}
