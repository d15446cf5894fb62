import { type IncidentDetail, type IncidentPriority, incidentPriorities } from '@kontor/contracts';
import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../../app/form';
import { ProblemAlert } from '../../../app/problem-alert';
import { useCategories, useCreateIncident } from '../api/desk-api';

interface ReportFormProps {
  /** An agent may take the report for someone else, by name and e-mail. */
  agent: boolean;
  onCreated: (incident: IncidentDetail) => void;
  onCancel?: () => void;
}

/** "Report a problem": title, description, category and priority; agents may name who reported it. */
export function ReportForm({ agent, onCreated, onCancel }: ReportFormProps) {
  const { t } = useTranslation();
  const create = useCreateIncident();
  const categories = useCategories();
  const form = useForm(
    {
      title: '',
      description: '',
      categoryId: null as string | null,
      priority: 'normal' as IncidentPriority,
      requesterName: '',
      requesterEmail: '',
    },
    create.error,
  );
  const { values } = form;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        title: values.title,
        description: values.description,
        priority: values.priority,
        categoryId: values.categoryId,
        ...(agent && values.requesterName.trim() ? { requesterName: values.requesterName } : {}),
        ...(agent && values.requesterEmail.trim() ? { requesterEmail: values.requesterEmail } : {}),
      },
      {
        onSuccess: (incident) => {
          form.set('title', '');
          form.set('description', '');
          form.set('categoryId', null);
          form.set('priority', 'normal');
          onCreated(incident);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="report-form">
      <Stack gap="sm">
        {form.generalError ? <ProblemAlert error={form.generalError} /> : null}
        <TextInput
          label={t('desk.field.title')}
          required
          maxLength={200}
          data-testid="report-title"
          {...form.text('title')}
        />
        <Textarea
          label={t('desk.field.description')}
          autosize
          minRows={4}
          maxRows={12}
          maxLength={20_000}
          data-testid="report-description"
          {...form.text('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('desk.field.category')}
            placeholder={t('desk.noCategory')}
            clearable
            data={(categories.data ?? [])
              .filter((category) => category.active)
              .map((category) => ({ value: category.id, label: category.name }))}
            value={values.categoryId}
            onChange={(value) => form.set('categoryId', value)}
            error={form.fieldErrors.categoryId}
            data-testid="report-category"
          />
          <Select
            label={t('desk.field.priority')}
            data={incidentPriorities.map((priority) => ({ value: priority, label: t(`desk.priority.${priority}`) }))}
            value={values.priority}
            allowDeselect={false}
            onChange={(value) => value && form.set('priority', value as IncidentPriority)}
            error={form.fieldErrors.priority}
            data-testid="report-priority"
          />
        </SimpleGrid>
        {agent ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('desk.requesterName')}
              description={t('desk.requesterHint')}
              {...form.text('requesterName')}
            />
            <TextInput label={t('desk.requesterEmail')} type="email" {...form.text('requesterEmail')} />
          </SimpleGrid>
        ) : null}
        <Group justify="flex-end">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={create.isPending} data-testid="report-submit">
            {t('desk.report.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
