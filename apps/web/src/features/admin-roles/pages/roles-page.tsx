import type { Role } from '@kontor/contracts';
import { Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../app/confirm-modal';
import { BadgeList, DataTable } from '../../../app/data-table';
import { useFormat } from '../../../app/format';
import { PageHeader } from '../../../app/page-header';
import { useDeleteRole, useRoles } from '../api/roles-api';
import { RoleFormModal } from '../components/role-form-modal';

type Editing = { mode: 'create' } | { mode: 'edit'; role: Role } | null;

export function RolesPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const roles = useRoles();
  const remove = useDeleteRole();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Role | null>(null);

  const sorted = useMemo(() => {
    const collator = new Intl.Collator(i18n.language, { sensitivity: 'base' });
    return [...(roles.data ?? [])].sort((a, b) => collator.compare(a.name, b.name));
  }, [roles.data, i18n.language]);

  const closeDelete = () => {
    setDeleting(null);
    remove.reset();
  };

  return (
    <>
      <PageHeader
        title={t('roles.title')}
        action={{ label: t('roles.new'), testId: 'role-new', onClick: () => setEditing({ mode: 'create' }) }}
      />
      <DataTable
        testId="roles-table"
        minWidth={720}
        columns={[
          t('roles.fields.name'),
          t('roles.fields.description'),
          t('roles.fields.permissions'),
          t('roles.fields.users'),
        ]}
        withActions
        loading={roles.isPending}
        error={roles.error}
      >
        {sorted.map((role) => (
          <Table.Tr key={role.id} data-testid={`role-row-${role.name}`}>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Text fw={500} size="sm">
                  {role.name}
                </Text>
                {role.system ? (
                  <Badge size="xs" variant="outline" color="gray">
                    {t('roles.system')}
                  </Badge>
                ) : null}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed" lineClamp={2}>
                {role.description}
              </Text>
            </Table.Td>
            <Table.Td>
              <BadgeList
                items={role.permissions.map((key) => ({
                  key,
                  label: key === '*' ? t('roles.allPermissions') : key,
                }))}
              />
            </Table.Td>
            <Table.Td>{format.number(role.userCount)}</Table.Td>
            <Table.Td>
              <Group gap="xs" justify="flex-end" wrap="nowrap">
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setEditing({ mode: 'edit', role })}
                  aria-label={t('roles.editRole', { name: role.name })}
                >
                  {t('common.edit')}
                </Button>
                <Tooltip label={t('roles.systemCannotDelete')} disabled={!role.system}>
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    disabled={role.system}
                    onClick={() => setDeleting(role)}
                    aria-label={t('roles.deleteRole', { name: role.name })}
                  >
                    {t('common.delete')}
                  </Button>
                </Tooltip>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <RoleFormModal
        opened={editing !== null}
        role={editing?.mode === 'edit' ? editing.role : null}
        onClose={() => setEditing(null)}
      />
      <ConfirmModal
        opened={deleting !== null}
        title={t('roles.delete.title')}
        confirmLabel={t('common.delete')}
        onClose={closeDelete}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: closeDelete })}
        loading={remove.isPending}
        error={remove.error}
      >
        {deleting
          ? deleting.userCount > 0
            ? t('roles.delete.stillAssigned', { name: deleting.name, users: format.number(deleting.userCount) })
            : t('roles.delete.text', { name: deleting.name })
          : null}
      </ConfirmModal>
    </>
  );
}
