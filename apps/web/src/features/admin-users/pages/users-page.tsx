import type { UserSummary } from '@kontor/contracts';
import { Button, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BadgeList, DataTable } from '../../../app/data-table';
import { useFormat } from '../../../app/format';
import { useLiveTopic } from '../../../app/live-events';
import { PageHeader } from '../../../app/page-header';
import { useRoles } from '../../admin-roles/api/roles-api';
import { usersQueryKey, useUsers } from '../api/users-api';
import { UserCreateModal } from '../components/user-create-modal';
import { UserEditModal } from '../components/user-edit-modal';
import { UserStatusBadges } from '../components/user-status-badges';

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const users = useUsers();
  const roles = useRoles().data ?? [];
  const [createOpened, createModal] = useDisclosure(false);
  const [editingId, setEditingId] = useState<string | null>(null);

  const refresh = () => void queryClient.invalidateQueries({ queryKey: usersQueryKey });
  const live = useLiveTopic('admin.users', refresh, refresh);

  const sorted = useMemo(() => {
    const collator = new Intl.Collator(i18n.language, { sensitivity: 'base' });
    return [...(users.data ?? [])].sort((a, b) => collator.compare(a.username, b.username));
  }, [users.data, i18n.language]);
  // Read from the list so the modal shows fresh state (e.g. after unlocking).
  const editing: UserSummary | null = sorted.find((user) => user.id === editingId) ?? null;

  return (
    <>
      <PageHeader
        title={t('users.title')}
        live={live}
        action={{ label: t('users.new'), testId: 'user-new', onClick: createModal.open }}
      />
      <DataTable
        testId="users-table"
        minWidth={760}
        columns={[
          t('users.fields.username'),
          t('users.fields.displayName'),
          t('users.fields.roles'),
          t('users.fields.status'),
          t('users.fields.lastLogin'),
        ]}
        withActions
        loading={users.isPending}
        error={users.error}
        caption={t('users.caption', { total: format.number(sorted.length) })}
      >
        {sorted.map((user) => (
          <Table.Tr key={user.id} data-testid={`user-row-${user.username}`}>
            <Table.Td>
              <Text fw={500} size="sm">
                {user.username}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{user.displayName}</Text>
              {user.email ? (
                <Text size="xs" c="dimmed">
                  {user.email}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              <BadgeList items={user.roles.map((role) => ({ key: role.id, label: role.name }))} />
            </Table.Td>
            <Table.Td>
              <UserStatusBadges user={user} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                {user.lastLoginAt ? (
                  <time dateTime={user.lastLoginAt}>{format.dateTime(user.lastLoginAt)}</time>
                ) : (
                  t('users.neverSignedIn')
                )}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <Button
                size="xs"
                variant="default"
                onClick={() => setEditingId(user.id)}
                aria-label={t('users.editUser', { username: user.username })}
                data-testid={`user-edit-${user.username}`}
              >
                {t('common.edit')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <UserCreateModal opened={createOpened} onClose={createModal.close} roles={roles} />
      <UserEditModal user={editing} onClose={() => setEditingId(null)} roles={roles} />
    </>
  );
}
