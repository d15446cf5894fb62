import { type NoticeKind, noticeKinds } from '@kontor/contracts';
import { Checkbox, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm, useForm } from '../../../app/form';
import { useSaveRecord } from '../api/directory-api';

export interface NoticeDraft {
  id: string | null;
  unitId: string;
  kind: NoticeKind;
  title: string;
  body: string;
  publishAt: string;
  unpublished: boolean;
}

/** `datetime-local` shows and returns local time without a zone; the API takes an instant. */
const toLocalInput = (iso: string) => {
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (local: string) => (local ? new Date(local).toISOString() : '');

export function NoticeFormModal({ draft, onClose }: { draft: NoticeDraft | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={draft !== null}
      onClose={onClose}
      title={draft?.id ? t('directory.edit.editNotice') : t('directory.edit.newNotice')}
    >
      {draft ? <NoticeForm draft={draft} onClose={onClose} /> : null}
    </FormModal>
  );
}

function NoticeForm({ draft, onClose }: { draft: NoticeDraft; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveRecord('notices');
  const form = useForm({ ...draft, publishAt: toLocalInput(draft.publishAt) }, save.error);
  const { values } = form;
  const submit = () =>
    save.mutate(
      {
        id: draft.id,
        input: {
          unitId: draft.unitId,
          kind: values.kind,
          title: values.title.trim(),
          body: values.body.trim(),
          publishAt: fromLocalInput(values.publishAt),
          unpublished: values.unpublished,
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
      submitTestId="notice-form-submit"
      submitting={save.isPending}
    >
      <NativeSelect
        label={t('directory.fields.noticeKind')}
        data={noticeKinds.map((kind) => ({ value: kind, label: t(`directory.noticeKinds.${kind}`) }))}
        value={values.kind}
        onChange={(event) => form.set('kind', event.currentTarget.value as NoticeKind)}
      />
      <TextInput
        label={t('directory.fields.noticeTitle')}
        {...form.text('title')}
        withAsterisk
        data-testid="notice-form-title"
        data-autofocus
      />
      <Textarea
        label={t('directory.fields.body')}
        {...form.text('body')}
        withAsterisk
        autosize
        minRows={4}
        data-testid="notice-form-body"
      />
      <TextInput
        type="datetime-local"
        label={t('directory.fields.publishAt')}
        {...form.text('publishAt')}
        withAsterisk
      />
      <Checkbox
        label={t('directory.fields.unpublished')}
        checked={values.unpublished}
        onChange={(event) => form.set('unpublished', event.currentTarget.checked)}
      />
    </ModalForm>
  );
}
