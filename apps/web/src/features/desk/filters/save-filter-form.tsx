import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ModalForm, useForm } from '../../../app/form';
import { useGroups } from '../api/desk-api';
import { useSaveFilter } from './filters-api';

/** Filter texts read as code; the labels stay in the page's font. */
const MONOSPACE_INPUT = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

interface SaveFilterFormProps {
  query: string;
  onDone: () => void;
}

/** Names the filter on screen and, if wanted, shares it with a group one is a member of. */
export function SaveFilterForm({ query, onDone }: SaveFilterFormProps) {
  const { t } = useTranslation();
  const save = useSaveFilter();
  const groups = useGroups();
  const form = useForm({ name: '', groupId: '' }, save.error);
  const submit = () =>
    save.mutate({ name: form.values.name, query, groupId: form.values.groupId || null }, { onSuccess: onDone });
  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onDone}
      // A query that does not read is the filter box's, not a field here: shown whole above the fields.
      error={form.fieldErrors.name || form.fieldErrors.groupId ? null : save.error}
      submitLabel={t('desk.filters.save')}
      submitTestId="save-filter-submit"
      submitting={save.isPending}
    >
      <TextInput label={t('desk.filters.query')} value={query} readOnly styles={MONOSPACE_INPUT} />
      <TextInput
        label={t('desk.filters.name')}
        required
        data-autofocus
        data-testid="save-filter-name"
        {...form.text('name')}
      />
      <Select
        label={t('desk.filters.shareWith')}
        description={t('desk.filters.shareHint')}
        placeholder={t('desk.filters.private')}
        clearable
        data={(groups.data ?? [])
          .filter((group) => group.active)
          .map((group) => ({ value: group.id, label: group.name }))}
        value={form.values.groupId || null}
        onChange={(value) => form.set('groupId', value ?? '')}
        error={form.fieldErrors.groupId}
        data-testid="save-filter-group"
      />
    </ModalForm>
  );
}
