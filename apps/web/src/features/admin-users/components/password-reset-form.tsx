import { Alert, Button, Group, PasswordInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldErrors } from '../../../app/form';
import { ProblemAlert } from '../../../app/problem-alert';
import { useResetPassword } from '../api/users-api';

export function PasswordResetForm({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const [password, setPassword] = useState('');

  const { fieldErrors, generalError } = useFieldErrors(reset.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate({ id: userId, password }, { onSuccess: () => setPassword('') });
  };

  return (
    <form onSubmit={submit} noValidate>
      {generalError ? <ProblemAlert error={generalError} /> : null}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <PasswordInput
          data-testid="user-reset-password"
          label={t('users.password.new')}
          description={t('users.fields.passwordHint')}
          autoComplete="new-password"
          value={password}
          onChange={(event) => {
            setPassword(event.currentTarget.value);
            if (reset.isSuccess) reset.reset();
          }}
          error={fieldErrors.password}
          visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
          style={{ flex: '1 1 220px' }}
        />
        <Button type="submit" variant="light" data-testid="user-reset-password-submit" loading={reset.isPending}>
          {t('users.password.submit')}
        </Button>
      </Group>
      {reset.isSuccess ? (
        <Alert color="green" mt="sm" role="status">
          {t('users.password.done')}
        </Alert>
      ) : null}
    </form>
  );
}
