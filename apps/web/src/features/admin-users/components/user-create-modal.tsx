import { PasswordInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm, useForm } from '../../../app/form';
import { useCreateUser } from '../api/users-api';
import { type RoleOption, RolesSelect } from './roles-select';

interface UserCreateModalProps {
  opened: boolean;
  onClose: () => void;
  roles: RoleOption[];
}

export function UserCreateModal({ opened, onClose, roles }: UserCreateModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('users.create.title')}>
      <UserCreateForm onClose={onClose} roles={roles} />
    </FormModal>
  );
}

const empty = { username: '', displayName: '', email: '', password: '', roleIds: [] as string[] };

function UserCreateForm({ onClose, roles }: { onClose: () => void; roles: RoleOption[] }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const form = useForm(empty, create.error, {
    kinds: { email: 'email', roleIds: 'list' },
    formatHints: { username: t('users.fields.usernameHint') },
    codeFields: { 'identity.username_taken': 'username' },
  });
  const { values } = form;

  const submit = () =>
    create.mutate(
      {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        email: values.email.trim() || null,
        password: values.password,
        roleIds: values.roleIds,
      },
      { onSuccess: onClose },
    );

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={form.generalError}
      submitLabel={t('users.create.submit')}
      submitTestId="user-form-submit"
      submitting={create.isPending}
    >
      <TextInput
        data-testid="user-form-username"
        label={t('users.fields.username')}
        description={t('users.fields.usernameHint')}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        {...form.text('username')}
        withAsterisk
        data-autofocus
      />
      <TextInput
        data-testid="user-form-display-name"
        label={t('users.fields.displayName')}
        {...form.text('displayName')}
        withAsterisk
      />
      <TextInput
        data-testid="user-form-email"
        type="email"
        label={t('users.fields.email')}
        autoComplete="off"
        {...form.text('email')}
      />
      <PasswordInput
        data-testid="user-form-password"
        label={t('users.fields.password')}
        description={t('users.fields.passwordHint')}
        autoComplete="new-password"
        {...form.text('password')}
        withAsterisk
        visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
      />
      <RolesSelect
        roles={roles}
        value={values.roleIds}
        onChange={(value) => form.set('roleIds', value)}
        error={form.fieldErrors.roleIds}
      />
    </ModalForm>
  );
}
