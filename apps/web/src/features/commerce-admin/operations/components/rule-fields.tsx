import { Input, SegmentedControl, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../../app/problem-alert';
import { pickText } from '../../catalog/api/translated';
import { useShopCurrencies } from '../api/currencies-api';
import { RULE_TARGETS, type RuleDraft, type RuleTargetKind } from '../api/rule-draft';
import { useCampaignTargets } from '../api/taxonomy-api';
import { ProductPicker } from './product-picker';

type ErrorAt = (field: string) => string | undefined;
type Change = (patch: Partial<RuleDraft>) => void;

const TARGET_LABELS: Record<
  RuleTargetKind,
  'commerceOps.rules.category' | 'commerceOps.rules.brand' | 'commerceOps.rules.product'
> = {
  category: 'commerceOps.rules.category',
  brand: 'commerceOps.rules.brand',
  product: 'commerceOps.rules.product',
};

/** What a campaign or volume discount aims at: the kind of target its rule allows, then the target itself. */
export function RuleTargetField({ draft, change, errorAt }: { draft: RuleDraft; change: Change; errorAt: ErrorAt }) {
  const { t, i18n } = useTranslation();
  const { categories, brands } = useCampaignTargets(true);
  if (draft.kind === 'bundle') return null;
  const kinds = RULE_TARGETS[draft.kind];
  const label = t(TARGET_LABELS[draft.targetKind]);
  const error = errorAt('target');
  const list =
    draft.targetKind === 'category'
      ? {
          error: categories.error,
          data: (categories.data?.categories ?? []).map((entry) => ({
            value: entry.id,
            label: pickText(entry.name, i18n.language) || entry.slug,
          })),
        }
      : {
          error: brands.error,
          data: (brands.data?.brands ?? []).map((entry) => ({ value: entry.id, label: entry.name })),
        };
  return (
    <>
      <div>
        <Text size="sm" fw={500} id="rule-target-label" mb={4}>
          {t('commerceOps.rules.condition')}
        </Text>
        <SegmentedControl
          aria-labelledby="rule-target-label"
          value={draft.targetKind}
          onChange={(kind) => change({ targetKind: kind as RuleTargetKind, targetId: '' })}
          data={kinds.map((kind) => ({ value: kind, label: t(TARGET_LABELS[kind]) }))}
          data-testid="rule-target-kind"
        />
      </div>
      {draft.targetKind === 'product' ? (
        <ProductPicker
          label={label}
          description={t('commerceOps.rules.productHint')}
          value={draft.targetId}
          onChange={(targetId) => change({ targetId })}
          error={error}
          testId="rule-target"
        />
      ) : list.error ? (
        <ProblemAlert error={list.error} />
      ) : (
        <Select
          label={label}
          data={list.data}
          value={draft.targetId || null}
          onChange={(id) => change({ targetId: id ?? '' })}
          searchable
          required
          error={error}
          data-testid="rule-target"
        />
      )}
    </>
  );
}

/**
 * A bundle's amount off per complete set, one input per currency the shop sells in (and any the rule already
 * names); an empty one means the bundle is not offered in that currency.
 */
export function BundleAmounts({ draft, change, errorAt }: { draft: RuleDraft; change: Change; errorAt: ErrorAt }) {
  const { t } = useTranslation();
  const currencies = useShopCurrencies();
  if (currencies.error) return <ProblemAlert error={currencies.error} />;
  const codes = [...new Set([...currencies.sold, ...Object.keys(draft.amounts)])];
  return (
    <Input.Wrapper
      label={t('commerceOps.rules.amountPerSet')}
      description={t('commerceOps.rules.amountPerSetHint')}
      error={errorAt('amounts')}
      required
    >
      <SimpleGrid cols={{ base: 2, sm: 4 }} mt={4}>
        {codes.map((currency) => (
          <TextInput
            key={currency}
            label={currency}
            aria-label={`${t('commerceOps.rules.amountPerSet')} ${currency}`}
            inputMode="decimal"
            value={draft.amounts[currency] ?? ''}
            onChange={(event) => change({ amounts: { ...draft.amounts, [currency]: event.currentTarget.value } })}
            error={errorAt(`amounts.${currency}`)}
            data-testid={`rule-amount-${currency}`}
          />
        ))}
      </SimpleGrid>
    </Input.Wrapper>
  );
}
