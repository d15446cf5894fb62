import type { Permission } from '@kontor/contracts';
import { Checkbox, Code, Fieldset, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { moduleName, permissionDescription } from '../../../app/permission-text';
import { groupByModule } from '../api/roles-api';

interface PermissionPickerProps {
  catalog: Permission[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}

/** One fieldset per module, so a role is built module by module; each box says what it allows. */
export function PermissionPicker({ catalog, value, onChange, error }: PermissionPickerProps) {
  const { t } = useTranslation();
  const selected = new Set(value);
  const toggle = (key: string, checked: boolean) => {
    const next = new Set(selected);
    if (checked) next.add(key);
    else next.delete(key);
    onChange([...next]);
  };

  return (
    <Stack gap="sm" data-testid="role-form-permissions">
      {error ? (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      ) : null}
      {groupByModule(catalog).map((group) => (
        <Fieldset key={group.module} legend={moduleName(t, group.module)} variant="filled" p="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {group.permissions.map((permission) => (
              <Checkbox
                key={permission.key}
                data-testid={`permission-${permission.key}`}
                checked={selected.has(permission.key)}
                onChange={(event) => toggle(permission.key, event.currentTarget.checked)}
                label={<Code>{permission.key}</Code>}
                description={permissionDescription(t, permission.key, permission.description)}
              />
            ))}
          </SimpleGrid>
        </Fieldset>
      ))}
    </Stack>
  );
}
