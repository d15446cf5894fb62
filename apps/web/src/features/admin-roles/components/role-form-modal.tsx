import type { Role } from '@kontor/contracts';
import { Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm, useForm } from '../../../app/form';
import { PageLoader } from '../../../app/guards';
import { ProblemAlert } from '../../../app/problem-alert';
import { usePermissionCatalog, useSaveRole } from '../api/roles-api';
import { PermissionPicker } from './permission-picker';

interface RoleFormModalProps {
  opened: boolean;
  /** null creates a new role. */
  role: Role | null;
  onClose: () => void;
}

export function RoleFormModal({ opened, role, onClose }: RoleFormModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={role ? t('roles.edit.title', { name: role.name }) : t('roles.create.title')}
      size="xl"
    >
      <RoleForm key={role?.id ?? 'new'} role={role} onClose={onClose} />
    </FormModal>
  );
}

function RoleForm({ role, onClose }: { role: Role | null; onClose: () => void }) {
  const { t } = useTranslation();
  const catalog = usePermissionCatalog();
  const save = useSaveRole();
  const initial = {
    name: role?.name ?? '',
    description: role?.description ?? '',
    permissions: role?.permissions ?? [],
  };
  const form = useForm(initial, save.error, {
    kinds: { permissions: 'list' },
    codeFields: { 'identity.role_name_taken': 'name' },
  });
  const { values } = form;

  const submit = () =>
    save.mutate(
      { id: role?.id ?? null, input: { ...values, name: values.name.trim(), description: values.description.trim() } },
      { onSuccess: onClose },
    );

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={form.generalError}
      submitLabel={role ? t('common.save') : t('roles.create.submit')}
      submitTestId="role-form-submit"
      submitting={save.isPending}
    >
      <TextInput
        data-testid="role-form-name"
        label={t('roles.fields.name')}
        description={role?.system ? t('roles.systemNameHint') : undefined}
        {...form.text('name')}
        readOnly={role?.system}
        withAsterisk={!role?.system}
        data-autofocus
      />
      <Textarea
        data-testid="role-form-description"
        label={t('roles.fields.description')}
        {...form.text('description')}
        autosize
        minRows={2}
      />
      {catalog.error ? <ProblemAlert error={catalog.error} /> : null}
      {catalog.isPending ? (
        <PageLoader />
      ) : (
        <PermissionPicker
          catalog={catalog.data ?? []}
          value={values.permissions}
          onChange={(value) => form.set('permissions', value)}
          error={form.fieldErrors.permissions}
        />
      )}
    </ModalForm>
  );
}
