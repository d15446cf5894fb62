import type { PersonSummary } from '@kontor/contracts';
import { NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm, useForm } from '../../../app/form';
import { useSaveRecord } from '../api/directory-api';

export interface FunctionDraft {
  id: string | null;
  unitId: string;
  name: string;
  holderId: string | null;
}

interface FunctionFormModalProps {
  draft: FunctionDraft | null;
  /** Who may hold it: the people of its unit. */
  people: PersonSummary[];
  onClose: () => void;
}

export function FunctionFormModal({ draft, people, onClose }: FunctionFormModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={draft !== null}
      onClose={onClose}
      title={draft?.id ? t('directory.edit.editFunction') : t('directory.edit.newFunction')}
    >
      {draft ? <FunctionForm draft={draft} people={people} onClose={onClose} /> : null}
    </FormModal>
  );
}

function FunctionForm({
  draft,
  people,
  onClose,
}: {
  draft: FunctionDraft;
  people: PersonSummary[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveRecord('functions');
  const form = useForm({ name: draft.name, holderId: draft.holderId ?? '' }, save.error);
  const { values } = form;
  const submit = () =>
    save.mutate(
      { id: draft.id, input: { unitId: draft.unitId, name: values.name.trim(), holderId: values.holderId || null } },
      { onSuccess: onClose },
    );
  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={form.generalError}
      submitLabel={draft.id ? t('common.save') : t('directory.edit.create')}
      submitTestId="function-form-submit"
      submitting={save.isPending}
    >
      <TextInput
        label={t('directory.fields.name')}
        {...form.text('name')}
        withAsterisk
        data-testid="function-form-name"
        data-autofocus
      />
      <NativeSelect
        label={t('directory.fields.holder')}
        data={[
          { value: '', label: t('directory.unit.vacant') },
          ...people.map((person) => ({ value: person.id, label: `${person.givenName} ${person.familyName}` })),
        ]}
        value={values.holderId}
        onChange={(event) => form.set('holderId', event.currentTarget.value)}
        error={form.fieldErrors.holderId}
      />
    </ModalForm>
  );
}
