import { NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm, useForm } from '../../../app/form';
import { useDirectoryUnits, useSaveRecord } from '../api/directory-api';
import { unitOptions } from './unit-options';

export type PersonDraft = {
  id: string | null;
  unitId: string;
  givenName: string;
  familyName: string;
  title: string;
};

export function PersonFormModal({ draft, onClose }: { draft: PersonDraft | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={draft !== null}
      onClose={onClose}
      title={draft?.id ? t('directory.edit.editPerson') : t('directory.edit.newPerson')}
    >
      {draft ? <PersonForm draft={draft} onClose={onClose} /> : null}
    </FormModal>
  );
}

function PersonForm({ draft, onClose }: { draft: PersonDraft; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveRecord('people');
  const units = useDirectoryUnits().data ?? [];
  const form = useForm(draft, save.error);
  const { values } = form;
  const submit = () =>
    save.mutate(
      {
        id: draft.id,
        input: {
          unitId: values.unitId,
          givenName: values.givenName.trim(),
          familyName: values.familyName.trim(),
          title: values.title.trim(),
        },
      },
      { onSuccess: onClose },
    );
  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={form.generalError}
      submitLabel={draft.id ? t('common.save') : t('directory.edit.create')}
      submitTestId="person-form-submit"
      submitting={save.isPending}
    >
      <TextInput
        label={t('directory.fields.givenName')}
        {...form.text('givenName')}
        withAsterisk
        data-testid="person-form-given-name"
        data-autofocus
      />
      <TextInput
        label={t('directory.fields.familyName')}
        {...form.text('familyName')}
        withAsterisk
        data-testid="person-form-family-name"
      />
      <TextInput label={t('directory.fields.title')} {...form.text('title')} />
      <NativeSelect
        label={t('directory.fields.unit')}
        data={unitOptions(units)}
        value={values.unitId}
        onChange={(event) => form.set('unitId', event.currentTarget.value)}
        error={form.fieldErrors.unitId}
      />
    </ModalForm>
  );
}
