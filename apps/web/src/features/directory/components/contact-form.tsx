import { type ContactKind, contactKinds } from '@kontor/contracts';
import { NativeSelect, NumberInput, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm, useForm } from '../../../app/form';
import { useSaveRecord } from '../api/directory-api';

/** Whose contact point it is: exactly one of a unit, a person or a function. */
export type ContactOwner = { unitId: string } | { personId: string } | { functionId: string };

export interface ContactDraft {
  id: string | null;
  owner: ContactOwner;
  kind: ContactKind;
  label: string;
  value: string;
  priority: number;
}

export function ContactFormModal({ draft, onClose }: { draft: ContactDraft | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={draft !== null}
      onClose={onClose}
      title={draft?.id ? t('directory.edit.editContact') : t('directory.edit.newContact')}
    >
      {draft ? <ContactForm draft={draft} onClose={onClose} /> : null}
    </FormModal>
  );
}

function ContactForm({ draft, onClose }: { draft: ContactDraft; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveRecord('contacts');
  const form = useForm(
    { kind: draft.kind, label: draft.label, value: draft.value, priority: draft.priority },
    save.error,
    {
      kinds: { priority: 'number' },
    },
  );
  const { values } = form;
  const submit = () =>
    save.mutate(
      {
        id: draft.id,
        input: {
          ...draft.owner,
          kind: values.kind,
          label: values.label.trim(),
          value: values.value.trim(),
          priority: values.priority,
        },
      },
      { onSuccess: onClose },
    );
  const long = values.kind === 'fallback' || values.kind === 'address';
  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={form.generalError}
      submitLabel={draft.id ? t('common.save') : t('directory.edit.create')}
      submitTestId="contact-form-submit"
      submitting={save.isPending}
    >
      <NativeSelect
        label={t('directory.fields.contactKind')}
        data={contactKinds.map((kind) => ({ value: kind, label: t(`directory.contactKinds.${kind}`) }))}
        value={values.kind}
        onChange={(event) => form.set('kind', event.currentTarget.value as ContactKind)}
        error={form.fieldErrors.kind}
        data-testid="contact-form-kind"
      />
      {long ? (
        <Textarea
          label={t('directory.fields.value')}
          {...form.text('value')}
          withAsterisk
          autosize
          minRows={3}
          data-autofocus
        />
      ) : (
        <TextInput
          label={t('directory.fields.value')}
          {...form.text('value')}
          withAsterisk
          data-testid="contact-form-value"
          data-autofocus
        />
      )}
      <TextInput label={t('directory.fields.label')} {...form.text('label')} />
      <NumberInput
        label={t('directory.fields.priority')}
        description={t('directory.fields.priorityHint')}
        min={1}
        max={99}
        allowDecimal={false}
        value={values.priority}
        onChange={(value) => form.set('priority', typeof value === 'number' ? value : Number(value) || 1)}
        error={form.fieldErrors.priority}
      />
    </ModalForm>
  );
}
