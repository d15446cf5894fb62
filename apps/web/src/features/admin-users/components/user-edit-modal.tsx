import type { UserSummary } from '@kontor/contracts';
import { Alert, Button, Divider, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm, useForm } from '../../../app/form';
import { useFormat } from '../../../app/format';
import { ProblemAlert } from '../../../app/problem-alert';
import { useUpdateUser } from '../api/users-api';
import { PasswordResetForm } from './password-reset-form';
import { type RoleOption, RolesSelect } from './roles-select';

interface UserEditModalProps {
  user: UserSummary | null;
  onClose: () => void;
  roles: RoleOption[];
}

export function UserEditModal({ user, onClose, roles }: UserEditModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={user !== null}
      onClose={onClose}
      title={user ? t('users.edit.title', { username: user.username }) : ''}
    >
      {user ? (
        <Stack gap="md">
          {user.locked ? <UnlockSection user={user} /> : null}
          <UserEditForm key={user.id} user={user} roles={roles} onClose={onClose} />
          <Divider label={t('users.password.title')} labelPosition="left" />
          <PasswordResetForm key={`password-${user.id}`} userId={user.id} />
        </Stack>
      ) : null}
    </FormModal>
  );
}

/** A temporary lockout after too many failed sign-ins, and the button that ends it early. */
function UnlockSection({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unlock = useUpdateUser();
  return (
    <Alert color="orange" title={t('users.edit.lockedTitle')} data-testid="user-locked">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {user.lockedUntil
            ? t('users.edit.lockedUntilText', { time: format.dateTime(user.lockedUntil) })
            : t('users.edit.lockedText')}
        </Text>
        <Button
          size="xs"
          color="orange"
          data-testid="user-unlock"
          loading={unlock.isPending}
          onClick={() => unlock.mutate({ id: user.id, unlock: true })}
        >
          {t('users.edit.unlock')}
        </Button>
        {unlock.error ? <ProblemAlert error={unlock.error} /> : null}
      </Stack>
    </Alert>
  );
}

function UserEditForm({ user, roles, onClose }: { user: UserSummary; roles: RoleOption[]; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const initial = {
    displayName: user.displayName,
    email: user.email ?? '',
    roleIds: user.roles.map((role) => role.id),
    disabled: user.disabled,
  };
  const form = useForm(initial, update.error, { kinds: { email: 'email', roleIds: 'list' } });
  const { values } = form;

  // Roles the user holds stay selectable even if the offered list does not know them.
  const roleOptions = [...roles, ...user.roles.filter((held) => !roles.some((role) => role.id === held.id))];

  const submit = () =>
    update.mutate(
      { id: user.id, ...values, displayName: values.displayName.trim(), email: values.email.trim() || null },
      { onSuccess: onClose },
    );

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={form.generalError}
      submitLabel={t('common.save')}
      submitTestId="user-form-submit"
      submitting={update.isPending}
    >
      <TextInput
        data-testid="user-form-display-name"
        label={t('users.fields.displayName')}
        {...form.text('displayName')}
        withAsterisk
        data-autofocus
      />
      <TextInput data-testid="user-form-email" type="email" label={t('users.fields.email')} {...form.text('email')} />
      <RolesSelect
        roles={roleOptions}
        value={values.roleIds}
        onChange={(value) => form.set('roleIds', value)}
        error={form.fieldErrors.roleIds}
      />
      <Switch
        data-testid="user-form-disabled"
        label={t('users.fields.disabled')}
        description={t('users.fields.disabledHint')}
        checked={values.disabled}
        onChange={(event) => form.set('disabled', event.currentTarget.checked)}
        error={form.fieldErrors.disabled}
      />
    </ModalForm>
  );
}
