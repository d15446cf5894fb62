import type { ApiTokenCreated } from '@kontor/contracts';
import { Checkbox, Group, MultiSelect, NumberInput, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm, useForm } from '../../../app/form';
import { PageLoader } from '../../../app/guards';
import { permissionDescription } from '../../../app/permission-text';
import { ProblemAlert } from '../../../app/problem-alert';
import { type TokenOptions, useTokenOptions } from '../api/token-options';
import { useCreateToken } from '../api/tokens-api';

interface TokenCreateModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (token: ApiTokenCreated) => void;
}

export function TokenCreateModal({ opened, onClose, onCreated }: TokenCreateModalProps) {
  const { t } = useTranslation();
  const options = useTokenOptions(opened);
  return (
    <FormModal opened={opened} onClose={onClose} title={t('tokens.create.title')}>
      {options.error ? <ProblemAlert error={options.error} /> : null}
      {options.loading ? <PageLoader /> : <TokenCreateForm options={options} onClose={onClose} onCreated={onCreated} />}
    </FormModal>
  );
}

interface TokenCreateFormProps {
  options: TokenOptions;
  onClose: () => void;
  onCreated: (token: ApiTokenCreated) => void;
}

function TokenCreateForm({ options, onClose, onCreated }: TokenCreateFormProps) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const initial = {
    name: '',
    userId: options.defaultUserId,
    permissions: [] as string[],
    days: 90 as number | string,
    neverExpires: false,
  };
  const form = useForm(initial, create.error, { kinds: { permissions: 'list', expiresInDays: 'number' } });
  const { values, fieldErrors } = form;

  const chosenUser = values.userId ?? options.defaultUserId;
  const permissionData = options.permissionsFor(chosenUser).map((permission) => ({
    value: permission.key,
    label: `${permission.key} — ${permissionDescription(t, permission.key, permission.description)}`,
  }));

  const submit = () =>
    create.mutate(
      {
        name: values.name.trim(),
        userId: chosenUser ?? '',
        permissions: values.permissions,
        expiresInDays: values.neverExpires ? null : Number(values.days),
      },
      {
        onSuccess: (token) => {
          onClose();
          onCreated(token);
        },
      },
    );

  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={form.generalError}
      submitLabel={t('tokens.create.submit')}
      submitTestId="token-form-submit"
      submitting={create.isPending}
    >
      <TextInput
        data-testid="token-form-name"
        label={t('tokens.fields.name')}
        description={t('tokens.fields.nameHint')}
        {...form.text('name')}
        withAsterisk
        data-autofocus
      />
      <Select
        data-testid="token-form-user"
        label={t('tokens.fields.user')}
        description={t('tokens.fields.userHint')}
        data={options.users.map((user) => ({ value: user.id, label: `${user.displayName} (${user.username})` }))}
        value={chosenUser}
        onChange={(value) => {
          form.set('userId', value);
          form.set('permissions', []);
        }}
        error={fieldErrors.userId}
        searchable
        allowDeselect={false}
        nothingFoundMessage={t('common.nothingFound')}
        withAsterisk
      />
      <MultiSelect
        data-testid="token-form-permissions"
        label={t('tokens.fields.permissions')}
        description={t('tokens.fields.permissionsHint')}
        data={permissionData}
        value={values.permissions}
        onChange={(value) => form.set('permissions', value)}
        error={fieldErrors.permissions}
        searchable
        clearable
        nothingFoundMessage={t('common.nothingFound')}
        withAsterisk
      />
      <Group align="flex-end" gap="md" wrap="wrap">
        <NumberInput
          data-testid="token-form-expiry"
          label={t('tokens.fields.expiresInDays')}
          value={values.days}
          onChange={(value) => form.set('days', value)}
          min={1}
          max={3650}
          allowDecimal={false}
          disabled={values.neverExpires}
          error={fieldErrors.expiresInDays}
          w={200}
        />
        <Checkbox
          data-testid="token-form-never-expires"
          label={t('tokens.fields.neverExpires')}
          checked={values.neverExpires}
          onChange={(event) => form.set('neverExpires', event.currentTarget.checked)}
          mb={8}
        />
      </Group>
    </ModalForm>
  );
}
