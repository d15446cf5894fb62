import type { ProblemDetail } from '@kontor/contracts';
import { Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ModalForm, useForm } from '../../../app/form';
import { useCreateProblem } from './problems-api';

interface CreateProblemFormProps {
  incidentIds: string[];
  onCreated: (problem: ProblemDetail) => void;
  onCancel: () => void;
}

/** "Create problem from selected": a title and description for the incidents the agent ticked. */
export function CreateProblemForm({ incidentIds, onCreated, onCancel }: CreateProblemFormProps) {
  const { t } = useTranslation();
  const create = useCreateProblem();
  const form = useForm({ title: '', description: '' }, create.error);
  return (
    <ModalForm
      onSubmit={() => create.mutate({ ...form.values, incidentIds }, { onSuccess: onCreated })}
      onCancel={onCancel}
      error={form.generalError}
      submitLabel={t('desk.problems.create')}
      submitTestId="problem-create-submit"
      submitting={create.isPending}
    >
      <Text size="sm" c="dimmed">
        {t('desk.problems.selectedCount', { count: incidentIds.length })}
      </Text>
      <TextInput
        label={t('desk.problems.field.title')}
        required
        maxLength={200}
        data-testid="problem-title-input"
        {...form.text('title')}
      />
      <Textarea
        label={t('desk.problems.field.description')}
        autosize
        minRows={3}
        maxLength={20_000}
        {...form.text('description')}
      />
    </ModalForm>
  );
}
