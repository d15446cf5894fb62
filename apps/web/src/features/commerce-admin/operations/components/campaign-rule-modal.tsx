import { SegmentedControl, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../app/api-client';
import { FormModal, ModalForm, useForm } from '../../../../app/form';
import { ProblemAlert } from '../../../../app/problem-alert';
import { parseMinor } from '../../catalog/api/money';
import { useCreateRule } from '../api/discounts-api';
import { useCampaignTargets } from '../api/taxonomy-api';

export function CampaignRuleModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('commerceOps.rules.newTitle')} size="lg">
      <CampaignRuleForm onClose={onClose} />
    </FormModal>
  );
}

const EMPTY = { nameSv: '', nameEn: '', percent: '', targetKind: 'category', targetId: '', startsAt: '', endsAt: '' };

/** A scheduled campaign: percent off a category (with its subcategories) or a brand, between two times. */
function CampaignRuleForm({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const create = useCreateRule();
  const { categories, brands } = useCampaignTargets(true);
  const form = useForm(EMPTY, create.error);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const byCategory = form.values.targetKind === 'category';
  const targets = byCategory
    ? (categories.data?.categories ?? []).map((category) => ({
        value: category.id,
        label: category.name[i18n.language] ?? category.name.en ?? category.name.sv ?? category.slug,
      }))
    : (brands.data?.brands ?? []).map((brand) => ({ value: brand.id, label: brand.name }));
  const targetError = byCategory ? categories.error : brands.error;
  // The server's paths (`name.sv`, `target.categoryId`) are folded to their first part by useForm: map them here.
  const server = form.fieldErrors;
  const errorOf = (field: string, serverField?: string) =>
    problems[field] ?? (serverField ? server[serverField] : server[field]);
  const submit = () => {
    const found: Record<string, string> = {};
    const percentBp = parseMinor(form.values.percent, 2);
    if (percentBp === null || percentBp < 1 || percentBp > 10_000)
      found.percent = t('commerceOps.codes.problem.percent.range');
    if (!form.values.nameSv.trim()) found.nameSv = t('validation.required');
    if (!form.values.nameEn.trim()) found.nameEn = t('validation.required');
    if (!form.values.targetId) found.targetId = t('validation.required');
    const startsAt = form.values.startsAt ? new Date(form.values.startsAt) : null;
    const endsAt = form.values.endsAt ? new Date(form.values.endsAt) : null;
    if (!startsAt || Number.isNaN(startsAt.getTime())) found.startsAt = t('validation.required');
    if (!endsAt || Number.isNaN(endsAt.getTime())) found.endsAt = t('validation.required');
    else if (startsAt && endsAt <= startsAt) found.endsAt = t('commerceOps.codes.problem.endsAt.range');
    setProblems(found);
    if (Object.keys(found).length > 0 || !startsAt || !endsAt || percentBp === null) return;
    create.mutate(
      {
        kind: 'campaign',
        name: { sv: form.values.nameSv.trim(), en: form.values.nameEn.trim() },
        active: true,
        percentBp,
        target: byCategory ? { categoryId: form.values.targetId } : { brandId: form.values.targetId },
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
      },
      { onSuccess: onClose },
    );
  };
  const unexplained = create.error instanceof ApiError && Object.keys(server).length === 0 ? create.error : null;
  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={unexplained}
      submitLabel={t('commerceOps.rules.create')}
      submitTestId="rule-submit"
      submitting={create.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('commerceOps.rules.nameSv')}
          required
          data-autofocus
          {...form.text('nameSv')}
          error={errorOf('nameSv', 'name')}
          data-testid="rule-name-sv"
        />
        <TextInput
          label={t('commerceOps.rules.nameEn')}
          required
          {...form.text('nameEn')}
          error={errorOf('nameEn', 'name')}
          data-testid="rule-name-en"
        />
      </SimpleGrid>
      <TextInput
        label={t('commerceOps.codes.percent')}
        inputMode="decimal"
        required
        rightSection="%"
        w={160}
        {...form.text('percent')}
        error={errorOf('percent', 'percentBp')}
        data-testid="rule-percent"
      />
      <div>
        <Text size="sm" fw={500} id="rule-target-label" mb={4}>
          {t('commerceOps.rules.condition')}
        </Text>
        <SegmentedControl
          aria-labelledby="rule-target-label"
          value={form.values.targetKind}
          onChange={(kind) => {
            form.set('targetKind', kind);
            form.set('targetId', '');
          }}
          data={[
            { value: 'category', label: t('commerceOps.rules.category') },
            { value: 'brand', label: t('commerceOps.rules.brand') },
          ]}
          data-testid="rule-target-kind"
        />
      </div>
      {targetError ? (
        <ProblemAlert error={targetError} />
      ) : (
        <Select
          label={byCategory ? t('commerceOps.rules.category') : t('commerceOps.rules.brand')}
          data={targets}
          value={form.values.targetId || null}
          onChange={(id) => form.set('targetId', id ?? '')}
          searchable
          required
          error={errorOf('targetId', 'target')}
          data-testid="rule-target"
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="datetime-local"
          label={t('commerceOps.codes.startsAt')}
          required
          {...form.text('startsAt')}
          error={errorOf('startsAt')}
          data-testid="rule-starts"
        />
        <TextInput
          type="datetime-local"
          label={t('commerceOps.codes.endsAt')}
          required
          {...form.text('endsAt')}
          error={errorOf('endsAt')}
          data-testid="rule-ends"
        />
      </SimpleGrid>
    </ModalForm>
  );
}
