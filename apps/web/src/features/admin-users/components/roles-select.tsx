import type { Role } from '@kontor/contracts';
import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type RoleOption = Pick<Role, 'id' | 'name'>;

interface RolesSelectProps {
  roles: RoleOption[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}

/** The roles a user holds, picked by name. */
export function RolesSelect({ roles, value, onChange, error }: RolesSelectProps) {
  const { t } = useTranslation();
  return (
    <MultiSelect
      data-testid="user-form-roles"
      label={t('users.fields.roles')}
      placeholder={value.length === 0 ? t('users.fields.rolesPlaceholder') : undefined}
      data={roles.map((role) => ({ value: role.id, label: role.name }))}
      value={value}
      onChange={onChange}
      error={error}
      searchable
      clearable
      nothingFoundMessage={t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
