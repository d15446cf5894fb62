import type { DiscountRule } from '@kontor/contracts';
import { SegmentedControl, SimpleGrid, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm } from '../../../../app/form';
import { decimalSeparator } from '../../catalog/api/money';
import { useCreateRule, useSaveRule } from '../api/discounts-api';
import { ruleName } from '../api/rule-body';
import {
  draftToRuleBody,
  emptyRuleDraft,
  type RuleDraft,
  type RuleKind,
  ruleFieldOf,
  ruleToDraft,
} from '../api/rule-draft';
import { ProductsPicker } from './product-picker';
import { BundleAmounts, RuleTargetField } from './rule-fields';
import { useFormProblems } from './use-form-problems';

const KINDS: RuleKind[] = ['campaign', 'volume', 'bundle'];
const FIELDS = new Set([
  'name.sv',
  'name.en',
  'percentBp',
  'minQuantity',
  'target',
  'productIds',
  'amounts',
  'startsAt',
  'endsAt',
]);
const shows = (field: string) => FIELDS.has(field) || field.startsWith('amounts.');

/** A new automatic discount (`rule` null) or an existing one to change. */
export function DiscountRuleModal({
  opened,
  onClose,
  rule,
}: {
  opened: boolean;
  onClose: () => void;
  rule: DiscountRule | null;
}) {
  const { t, i18n } = useTranslation();
  const title = rule
    ? t('commerceOps.rules.editTitle', { name: ruleName(rule, i18n.language) })
    : t('commerceOps.rules.newTitle');
  return (
    <FormModal opened={opened} onClose={onClose} title={title} size="lg">
      <DiscountRuleForm rule={rule} onClose={onClose} />
    </FormModal>
  );
}

/**
 * Campaign: percent off a category or brand between two times. Volume: percent off a product or category from N
 * units. Bundle: an amount off per complete set of 2–5 products. The kind is chosen once, when the rule is made.
 */
function DiscountRuleForm({ rule, onClose }: { rule: DiscountRule | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<RuleDraft>(() =>
    rule ? ruleToDraft(rule, decimalSeparator(i18n.language)) : emptyRuleDraft('campaign'),
  );
  const create = useCreateRule();
  const save = useSaveRule();
  const saving = rule ? save : create;
  const result = draftToRuleBody(draft);
  const form = useFormProblems(saving.error, () => result.problems ?? {}, ruleFieldOf, shows);
  const change = (patch: Partial<RuleDraft>) => setDraft((previous) => ({ ...previous, ...patch }));
  const submit = () => {
    form.submitted();
    if (!result.body) return;
    if (rule) save.mutate({ id: rule.id, body: result.body }, { onSuccess: onClose });
    else create.mutate(result.body, { onSuccess: onClose });
  };
  const text = (field: 'percent' | 'minQuantity' | 'startsAt' | 'endsAt') => ({
    value: draft[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => change({ [field]: event.currentTarget.value }),
  });
  const name = (language: 'sv' | 'en') => ({
    value: draft.name[language] ?? '',
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      change({ name: { ...draft.name, [language]: event.currentTarget.value } }),
    error: form.errorAt(`name.${language}`),
  });
  const campaign = draft.kind === 'campaign';
  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={form.generalError}
      submitLabel={rule ? t('common.save') : t('commerceOps.rules.create')}
      submitTestId="rule-submit"
      submitting={saving.isPending}
    >
      {rule ? null : (
        <div>
          <Text size="sm" fw={500} id="rule-kind-label" mb={4}>
            {t('commerceOps.rules.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="rule-kind-label"
            value={draft.kind}
            onChange={(kind) => {
              const fresh = emptyRuleDraft(kind as RuleKind);
              change({ ...fresh, name: draft.name, startsAt: draft.startsAt, endsAt: draft.endsAt });
            }}
            data={KINDS.map((kind) => ({ value: kind, label: t(`commerceOps.rules.kinds.${kind}`) }))}
            data-testid="rule-kind"
          />
          <Text size="xs" c="dimmed" mt={4}>
            {t(`commerceOps.rules.kindHints.${draft.kind}`)}
          </Text>
        </div>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('commerceOps.rules.nameSv')}
          required
          data-autofocus
          {...name('sv')}
          data-testid="rule-name-sv"
        />
        <TextInput label={t('commerceOps.rules.nameEn')} required {...name('en')} data-testid="rule-name-en" />
      </SimpleGrid>
      {draft.kind === 'bundle' ? (
        <>
          <ProductsPicker
            label={t('commerceOps.rules.products')}
            description={t('commerceOps.rules.productsHint')}
            value={draft.productIds}
            onChange={(productIds) => change({ productIds })}
            max={5}
            error={form.errorAt('productIds')}
            testId="rule-products"
          />
          <BundleAmounts draft={draft} change={change} errorAt={form.errorAt} />
        </>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('commerceOps.codes.percent')}
              inputMode="decimal"
              required
              rightSection="%"
              {...text('percent')}
              error={form.errorAt('percentBp')}
              data-testid="rule-percent"
            />
            {draft.kind === 'volume' ? (
              <TextInput
                label={t('commerceOps.rules.minQuantityLabel')}
                description={t('commerceOps.rules.minQuantityHint')}
                inputMode="numeric"
                required
                {...text('minQuantity')}
                error={form.errorAt('minQuantity')}
                data-testid="rule-min-quantity"
              />
            ) : null}
          </SimpleGrid>
          <RuleTargetField draft={draft} change={change} errorAt={form.errorAt} />
        </>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="datetime-local"
          label={t('commerceOps.codes.startsAt')}
          description={campaign ? undefined : t('commerceOps.rules.windowHint')}
          required={campaign}
          {...text('startsAt')}
          error={form.errorAt('startsAt')}
          data-testid="rule-starts"
        />
        <TextInput
          type="datetime-local"
          label={t('commerceOps.codes.endsAt')}
          description={campaign ? undefined : t('commerceOps.rules.windowHint')}
          required={campaign}
          {...text('endsAt')}
          error={form.errorAt('endsAt')}
          data-testid="rule-ends"
        />
      </SimpleGrid>
      <Switch
        label={t('commerceOps.codes.active')}
        checked={draft.active}
        onChange={(event) => change({ active: event.currentTarget.checked })}
        data-testid="rule-active"
      />
    </ModalForm>
  );
}
