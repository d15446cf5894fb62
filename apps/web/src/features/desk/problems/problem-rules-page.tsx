import type { ProblemRuleKind } from '@kontor/contracts';
import { NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Table, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../app/data-table';
import { ModalForm, useForm } from '../../../app/form';
import { PageHeader } from '../../../app/page-header';
import { ProblemAlert } from '../../../app/problem-alert';
import { useCategories } from '../api/desk-api';
import { useCreateRule, useProblemRules, useToggleRule } from './problems-api';

const ANY = 'any';

/** The desk administrators' rules that open problems when incidents pile up. */
export function ProblemRulesPage() {
  const { t } = useTranslation();
  const rules = useProblemRules();
  const toggle = useToggleRule();
  return (
    <>
      <PageHeader title={t('desk.problems.rules.title')} />
      <Stack gap="lg">
        {toggle.error ? <ProblemAlert error={toggle.error} /> : null}
        <DataTable
          testId="problem-rules"
          columns={[t('desk.problems.rules.name'), t('desk.problems.rules.condition'), t('desk.problems.rules.active')]}
          minWidth={640}
          loading={rules.isPending}
          error={rules.error}
          empty={{ when: rules.data?.length === 0, text: t('desk.problems.rules.empty') }}
        >
          {(rules.data ?? []).map((rule) => (
            <Table.Tr key={rule.id} data-testid="problem-rule-row">
              <Table.Td>{rule.name}</Table.Td>
              <Table.Td>
                {t(`desk.problems.rules.describe.${rule.kind}`, {
                  count: rule.threshold,
                  minutes: rule.windowMinutes,
                  category: rule.category?.name ?? t('desk.problems.rules.anyCategory'),
                })}
              </Table.Td>
              <Table.Td>
                <Switch
                  checked={rule.active}
                  onChange={(event) => toggle.mutate({ id: rule.id, active: event.currentTarget.checked })}
                  aria-label={`${t('desk.problems.rules.active')}: ${rule.name}`}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            {t('desk.problems.rules.add')}
          </Title>
          <RuleForm />
        </Paper>
      </Stack>
    </>
  );
}

function RuleForm() {
  const { t } = useTranslation();
  const create = useCreateRule();
  const categories = useCategories();
  const form = useForm(
    { name: '', kind: 'category' as ProblemRuleKind, category: ANY, threshold: 5, windowMinutes: 30 },
    create.error,
  );
  const { values } = form;
  const reset = () => {
    form.set('name', '');
    create.reset();
  };
  return (
    <ModalForm
      onSubmit={() =>
        create.mutate(
          {
            name: values.name,
            kind: values.kind,
            categoryId: values.kind === 'category' && values.category !== ANY ? values.category : null,
            threshold: values.threshold,
            windowMinutes: values.windowMinutes,
          },
          { onSuccess: reset },
        )
      }
      onCancel={reset}
      error={form.generalError}
      submitLabel={t('desk.problems.rules.add')}
      submitTestId="problem-rule-submit"
      submitting={create.isPending}
    >
      <TextInput label={t('desk.problems.rules.name')} required maxLength={120} {...form.text('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('desk.problems.rules.kind')}
          value={values.kind}
          allowDeselect={false}
          onChange={(value) => form.set('kind', (value ?? 'category') as ProblemRuleKind)}
          data={(['category', 'client'] as const).map((kind) => ({
            value: kind,
            label: t(`desk.problems.rules.kinds.${kind}`),
          }))}
        />
        {values.kind === 'category' ? (
          <Select
            label={t('desk.field.category')}
            value={values.category}
            allowDeselect={false}
            onChange={(value) => form.set('category', value ?? ANY)}
            error={form.fieldErrors.categoryId}
            data={[
              { value: ANY, label: t('desk.problems.rules.anyCategory') },
              ...(categories.data ?? [])
                .filter((category) => category.active)
                .map((category) => ({ value: category.id, label: category.name })),
            ]}
          />
        ) : null}
        <NumberInput
          label={t('desk.problems.rules.threshold')}
          min={2}
          max={1000}
          value={values.threshold}
          onChange={(value) => form.set('threshold', Number(value))}
          error={form.fieldErrors.threshold}
        />
        <NumberInput
          label={t('desk.problems.rules.windowMinutes')}
          min={1}
          max={10080}
          value={values.windowMinutes}
          onChange={(value) => form.set('windowMinutes', Number(value))}
          error={form.fieldErrors.windowMinutes}
        />
      </SimpleGrid>
    </ModalForm>
  );
}
