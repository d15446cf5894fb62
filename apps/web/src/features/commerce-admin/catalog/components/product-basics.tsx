import { catalogVatClasses } from '@kontor/contracts';
import { Alert, Button, MultiSelect, NativeSelect, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { buildCategoryTree, categoryPath, flattenCategoryTree } from '../api/category-tree';
import { ratesOn, useVatRates } from '../api/prices-api';
import type { ProductDraft } from '../api/product-draft';
import { slugify } from '../api/slug';
import { useBrands, useCategories } from '../api/taxonomy-api';
import { pickText } from '../api/translated';
import { MONO_INPUT } from './mono-input';
import type { ErrorAt } from './use-error-text';

interface ProductBasicsProps {
  draft: ProductDraft;
  /** The slug as saved; null for a product not created yet. */
  savedSlug: string | null;
  onChange: (change: Partial<ProductDraft>) => void;
  errorAt: ErrorAt;
}

/** Slug, status, brand, categories, VAT class and the bulky flag. */
export function ProductBasics({ draft, savedSlug, onChange, errorAt }: ProductBasicsProps) {
  const { t, i18n } = useTranslation();
  const brands = useBrands().data ?? [];
  const categories = useCategories().data ?? [];
  const nameOf = (category: (typeof categories)[number]) => pickText(category.name, i18n.language);
  const categoryOptions = flattenCategoryTree(buildCategoryTree(categories)).map(({ category }) => ({
    value: category.id,
    label: categoryPath(categories, category.id, nameOf),
  }));
  const vatRates = ratesOn(useVatRates().data ?? [], new Date().toISOString().slice(0, 10));
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 2 });
  const vatLabel = (vatClass: ProductDraft['vatClass']) => {
    const rate = vatRates.get(vatClass);
    const name = t(`catalogAdmin.vatClass.${vatClass}`);
    return rate === undefined ? name : `${name} (${percent.format(rate / 10_000)})`;
  };
  const slugChanged = savedSlug !== null && draft.slug.trim() !== savedSlug;
  const suggestion = slugify(draft.name.sv || draft.name.en || '');
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('catalogAdmin.fields.slug')}
          description={t('catalogAdmin.editor.slugHint')}
          value={draft.slug}
          onChange={(event) => onChange({ slug: event.currentTarget.value })}
          error={errorAt('slug')}
          withAsterisk
          styles={MONO_INPUT}
          data-testid="product-slug"
          rightSectionWidth={savedSlug === null && suggestion && suggestion !== draft.slug ? 110 : undefined}
          rightSection={
            savedSlug === null && suggestion && suggestion !== draft.slug ? (
              <Button
                size="compact-xs"
                variant="light"
                onClick={() => onChange({ slug: suggestion })}
                data-testid="product-slug-suggest"
              >
                {t('catalogAdmin.editor.slugFromName')}
              </Button>
            ) : null
          }
        />
        <NativeSelect
          label={t('catalogAdmin.fields.status')}
          description={t('catalogAdmin.editor.statusHint')}
          value={draft.status}
          onChange={(event) => onChange({ status: event.currentTarget.value as ProductDraft['status'] })}
          data={[
            { value: 'draft', label: t('catalogAdmin.status.draft') },
            { value: 'published', label: t('catalogAdmin.status.published') },
          ]}
          error={errorAt('status')}
          data-testid="product-status-select"
        />
      </SimpleGrid>
      {slugChanged ? (
        <Alert color="yellow" variant="light" data-testid="product-slug-redirect">
          {t('catalogAdmin.editor.slugRedirect', { from: savedSlug, to: draft.slug.trim() })}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t('catalogAdmin.fields.brand')}
          value={draft.brandId ?? ''}
          onChange={(event) => onChange({ brandId: event.currentTarget.value || null })}
          data={[
            { value: '', label: t('catalogAdmin.editor.noBrand') },
            ...brands.map((brand) => ({ value: brand.id, label: brand.name })),
          ]}
          error={errorAt('brandId')}
          data-testid="product-brand"
        />
        <NativeSelect
          label={t('catalogAdmin.fields.vatClass')}
          value={draft.vatClass}
          onChange={(event) => onChange({ vatClass: event.currentTarget.value as ProductDraft['vatClass'] })}
          data={catalogVatClasses.map((vatClass) => ({ value: vatClass, label: vatLabel(vatClass) }))}
          error={errorAt('vatClass')}
          data-testid="product-vat-class"
        />
      </SimpleGrid>
      <MultiSelect
        label={t('catalogAdmin.fields.categories')}
        data={categoryOptions}
        value={draft.categoryIds}
        onChange={(categoryIds) => onChange({ categoryIds })}
        searchable
        clearable
        nothingFoundMessage={t('catalogAdmin.editor.noCategoryFound')}
        error={
          errorAt('categoryIds') ?? draft.categoryIds.map((_, index) => errorAt(`categoryIds.${index}`)).find(Boolean)
        }
        data-testid="product-categories"
      />
      <Switch
        label={t('catalogAdmin.fields.bulky')}
        description={t('catalogAdmin.editor.bulkyHint')}
        checked={draft.bulky}
        onChange={(event) => onChange({ bulky: event.currentTarget.checked })}
        data-testid="product-bulky"
      />
    </Stack>
  );
}
