import { type UnitKind, type UnitSummary, unitKinds } from '@kontor/contracts';
import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm, useForm } from '../../../app/form';
import { useDirectoryUnits, useSaveRecord } from '../api/directory-api';
import { unitOptions } from './unit-options';

export interface UnitDraft {
  id: string | null;
  parentId: string | null;
  kind: UnitKind;
  name: string;
  description: string;
}

export function UnitFormModal({ draft, onClose }: { draft: UnitDraft | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={draft !== null}
      onClose={onClose}
      title={draft?.id ? t('directory.edit.editUnit') : t('directory.edit.newUnit')}
    >
      {draft ? <UnitForm draft={draft} onClose={onClose} /> : null}
    </FormModal>
  );
}

function UnitForm({ draft, onClose }: { draft: UnitDraft; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveRecord('units');
  const units: UnitSummary[] = useDirectoryUnits().data ?? [];
  const form = useForm({ ...draft, parentId: draft.parentId ?? '' }, save.error);
  const { values } = form;
  const submit = () =>
    save.mutate(
      {
        id: draft.id,
        input: {
          parentId: values.parentId || null,
          kind: values.kind,
          name: values.name.trim(),
          description: values.description.trim(),
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
      submitTestId="unit-form-submit"
      submitting={save.isPending}
    >
      <TextInput
        label={t('directory.fields.name')}
        {...form.text('name')}
        withAsterisk
        data-testid="unit-form-name"
        data-autofocus
      />
      <NativeSelect
        label={t('directory.fields.kind')}
        data={unitKinds.map((kind) => ({ value: kind, label: t(`directory.unitKinds.${kind}`) }))}
        value={values.kind}
        onChange={(event) => form.set('kind', event.currentTarget.value as UnitKind)}
        error={form.fieldErrors.kind}
      />
      <NativeSelect
        label={t('directory.fields.parent')}
        data={[{ value: '', label: t('directory.fields.noParent') }, ...unitOptions(units, draft.id ?? undefined)]}
        value={values.parentId}
        onChange={(event) => form.set('parentId', event.currentTarget.value)}
        error={form.fieldErrors.parentId}
      />
      <Textarea label={t('directory.fields.description')} {...form.text('description')} autosize minRows={2} />
    </ModalForm>
  );
}
