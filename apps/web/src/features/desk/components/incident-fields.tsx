import { type IncidentDetail, type IncidentPatch, type IncidentPriority, incidentPriorities } from '@kontor/contracts';
import { Button, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldErrors } from '../../../app/form';
import { ProblemAlert } from '../../../app/problem-alert';
import { useAgents, useCategories, useGroups, usePatchIncident } from '../api/desk-api';

const draftOf = (incident: IncidentDetail) => ({
  title: incident.title,
  priority: incident.priority,
  categoryId: incident.category?.id ?? null,
  groupId: incident.group?.id ?? null,
  assigneeId: incident.assignee?.id ?? null,
  labels: incident.labels,
  clientRef: incident.clientRef,
  orderRef: incident.orderRef,
});
type Draft = ReturnType<typeof draftOf>;

/** An agent's fields of the incident; Save sends only what changed, and each change lands in the timeline. */
export function IncidentFields({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const patch = usePatchIncident(incident.id);
  const categories = useCategories();
  const groups = useGroups();
  const agents = useAgents();
  const [draft, setDraft] = useState<Draft>(() => draftOf(incident));
  const { fieldErrors, generalError } = useFieldErrors(patch.error);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((previous) => ({ ...previous, [key]: value }));
  const original = draftOf(incident);
  const changed = (Object.keys(draft) as Array<keyof Draft>).filter(
    (key) => JSON.stringify(draft[key]) !== JSON.stringify(original[key]),
  );
  const options = (
    entries: Array<{ id: string; name: string; active?: boolean }> | undefined,
    current: string | null,
  ) =>
    (entries ?? [])
      .filter((entry) => entry.active !== false || entry.id === current)
      .map((entry) => ({ value: entry.id, label: entry.name }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = Object.fromEntries(changed.map((key) => [key, draft[key]])) as IncidentPatch;
    patch.mutate(body, { onSuccess: (updated) => setDraft(draftOf(updated)) });
  };

  return (
    <form onSubmit={submit} data-testid="incident-fields">
      <Stack gap="xs">
        {generalError ? <ProblemAlert error={generalError} /> : null}
        <TextInput
          label={t('desk.field.title')}
          value={draft.title}
          maxLength={200}
          onChange={(event) => set('title', event.currentTarget.value)}
          error={fieldErrors.title}
        />
        <Select
          label={t('desk.field.priority')}
          data={incidentPriorities.map((priority) => ({ value: priority, label: t(`desk.priority.${priority}`) }))}
          value={draft.priority}
          allowDeselect={false}
          onChange={(value) => value && set('priority', value as IncidentPriority)}
          data-testid="field-priority"
        />
        <Select
          label={t('desk.field.assignee')}
          placeholder={t('desk.nobody')}
          clearable
          searchable
          data={options(agents.data, draft.assigneeId)}
          value={draft.assigneeId}
          onChange={(value) => set('assigneeId', value)}
          error={fieldErrors.assigneeId}
          data-testid="field-assignee"
        />
        <Select
          label={t('desk.field.group')}
          placeholder={t('desk.nobody')}
          clearable
          data={options(groups.data, draft.groupId)}
          value={draft.groupId}
          onChange={(value) => set('groupId', value)}
          error={fieldErrors.groupId}
        />
        <Select
          label={t('desk.field.category')}
          placeholder={t('desk.noCategory')}
          clearable
          data={options(categories.data, draft.categoryId)}
          value={draft.categoryId}
          onChange={(value) => set('categoryId', value)}
          error={fieldErrors.categoryId}
          data-testid="field-category"
        />
        <TagsInput
          label={t('desk.field.labels')}
          value={draft.labels}
          onChange={(value) => set('labels', value)}
          maxTags={20}
          error={fieldErrors.labels}
        />
        <TextInput
          label={t('desk.field.client')}
          value={draft.clientRef}
          maxLength={100}
          onChange={(event) => set('clientRef', event.currentTarget.value)}
        />
        <TextInput
          label={t('desk.field.order')}
          value={draft.orderRef}
          maxLength={100}
          onChange={(event) => set('orderRef', event.currentTarget.value)}
        />
        <Button type="submit" disabled={changed.length === 0} loading={patch.isPending} data-testid="fields-save">
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}
