import { Alert, Anchor, Button, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageLoader } from '../../../../app/guards';
import { PageHeader } from '../../../../app/page-header';
import { ProblemAlert } from '../../../../app/problem-alert';
import { catalogPaths } from '../api/catalog-paths';
import { hasProblemsUnder } from '../api/problem-paths';
import { shopLocales } from '../api/shop-locales';
import { useAttributes } from '../api/taxonomy-api';
import { pickText } from '../api/translated';
import { useProductEditor } from '../api/use-product-editor';
import { AttributeInputs } from '../components/attribute-inputs';
import { MediaSection } from '../components/media-section';
import { OptionAxes } from '../components/option-axes';
import { ProductBasics } from '../components/product-basics';
import { SaveSummary } from '../components/save-summary';
import { TranslatedFields } from '../components/translated-fields';
import { useErrorText } from '../components/use-error-text';
import { VariantDetails } from '../components/variant-details';
import { VariantsTable } from '../components/variants-table';
import { StatusBadge } from './products-page';

/** Variants are made inactive rather than deleted while the admin API has no way to delete one. */
const CAN_REMOVE_SAVED_VARIANTS = false;

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title} data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** One product with everything it has: texts, variants, fitment, stock, prices and pictures. */
export function ProductEditorPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const productId = params.productId && params.productId !== 'new' ? params.productId : null;
  const editor = useProductEditor(productId, (id) => navigate(`/commerce/catalog/products/${id}`, { replace: true }));
  const attributes = useAttributes();
  const errorText = useErrorText();
  const errorAt = errorText.at(editor.errors);
  const [open, setOpen] = useState<string[]>([]);
  const { draft, setDraft } = editor;

  if (productId !== null && editor.product.error) return <ProblemAlert error={editor.product.error} />;
  if (!editor.ready) return <PageLoader />;

  const locales = shopLocales(draft.name, draft.description, ...draft.options.map((axis) => axis.name));
  const saved = editor.baseline?.product ?? null;
  const title = pickText(saved?.name, i18n.language) || t('catalogAdmin.editor.newTitle');
  const hasErrors = (prefix: string) => hasProblemsUnder(editor.errors, prefix);
  const listName = (id: string) => editor.priceLists.find((list) => list.id === id)?.name ?? id;
  const save = async () => {
    const errors = await editor.save();
    // Panels whose fields failed open, so each error is on screen next to its field.
    const failing = draft.variants
      .map((variant) => variant.key)
      .filter((key) =>
        Object.keys(errors).some((path) => path.startsWith(`variants.${key}.`) || path.startsWith(`prices.${key}.`)),
      );
    if (failing.length > 0) setOpen((current) => [...new Set([...current, ...failing])]);
  };
  const updateVariant = (key: string, change: Partial<(typeof draft.variants)[number]>) =>
    setDraft((current) => ({
      ...current,
      variants: current.variants.map((variant) => (variant.key === key ? { ...variant, ...change } : variant)),
    }));

  return (
    <Stack gap="md" pb={96}>
      <div>
        <Anchor component={Link} to="/commerce/catalog/products" size="sm">
          {t('catalogAdmin.editor.back')}
        </Anchor>
        <PageHeader title={title} />
        {saved ? (
          <Group gap="xs" mt={-8}>
            <StatusBadge status={saved.status} />
            {saved.status === 'published' ? (
              <Anchor
                href={catalogPaths.shopProduct(saved.slug)}
                target="_blank"
                size="sm"
                data-testid="product-shop-link"
              >
                {t('catalogAdmin.editor.viewInShop')}
              </Anchor>
            ) : (
              <Text size="sm" c="dimmed">
                {t('catalogAdmin.editor.draftHint')}
              </Text>
            )}
          </Group>
        ) : null}
      </div>

      <Section title={t('catalogAdmin.editor.texts')} testId="product-texts">
        <TranslatedFields
          locales={locales}
          testId="product"
          fields={[
            { key: 'name', label: t('catalogAdmin.fields.name'), required: true },
            { key: 'description', label: t('catalogAdmin.fields.description'), multiline: true },
            { key: 'seoTitle', label: t('catalogAdmin.fields.seoTitle'), max: 70 },
            { key: 'seoDescription', label: t('catalogAdmin.fields.seoDescription'), max: 160, multiline: true },
          ]}
          values={{
            name: draft.name,
            description: draft.description,
            seoTitle: draft.seoTitle,
            seoDescription: draft.seoDescription,
          }}
          onChange={(field, locale, value) =>
            setDraft((current) => {
              const key = field as 'name' | 'description' | 'seoTitle' | 'seoDescription';
              return { ...current, [key]: { ...current[key], [locale]: value } };
            })
          }
          errorAt={errorAt}
        />
      </Section>

      <Section title={t('catalogAdmin.editor.basics')} testId="product-basics">
        <ProductBasics
          draft={draft}
          savedSlug={saved?.slug ?? null}
          onChange={(change) => setDraft((current) => ({ ...current, ...change }))}
          errorAt={errorAt}
        />
      </Section>

      <Section title={t('catalogAdmin.editor.attributes')} testId="product-attributes">
        {attributes.error ? <ProblemAlert error={attributes.error} /> : null}
        <AttributeInputs
          attributes={attributes.data ?? []}
          values={draft.attributes}
          onChange={(values) => setDraft((current) => ({ ...current, attributes: values }))}
          errorAt={errorAt}
        />
      </Section>

      <Section title={t('catalogAdmin.editor.options')} testId="product-options">
        <OptionAxes
          axes={draft.options}
          locales={locales}
          fixedKeys={saved && saved.variants.length > 0 ? saved.options.map((axis) => axis.key) : []}
          onChange={(options) => setDraft((current) => ({ ...current, options }))}
          errorAt={errorAt}
        />
      </Section>

      <Section title={t('catalogAdmin.editor.variants')} testId="product-variants">
        <Stack gap="md">
          <VariantsTable
            variants={draft.variants}
            axes={draft.options}
            onChange={(variants) => setDraft((current) => ({ ...current, variants }))}
            errorAt={errorAt}
            canRemoveSaved={CAN_REMOVE_SAVED_VARIANTS}
          />
          <VariantDetails
            variants={draft.variants}
            saved={editor.product.data}
            savedPrices={editor.savedPrices}
            prices={editor.prices}
            priceLists={editor.priceLists}
            currencies={editor.currencies}
            open={open}
            onOpen={setOpen}
            onVariantChange={updateVariant}
            onPricesChange={editor.setVariantPrices}
            errorAt={errorAt}
            hasErrors={hasErrors}
          />
        </Stack>
      </Section>

      <Section title={t('catalogAdmin.media.title')} testId="product-media">
        {productId && editor.product.data ? (
          <MediaSection productId={productId} media={editor.product.data.media} locales={locales} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('catalogAdmin.media.saveFirst')}
          </Text>
        )}
      </Section>

      <Paper withBorder shadow="md" p="sm" pos="sticky" bottom={0} style={{ zIndex: 5 }} data-testid="product-save-bar">
        <Stack gap="xs">
          {/* A long list of failures scrolls inside the bar rather than covering the page. */}
          <ScrollArea.Autosize mah={220} type="auto">
            <SaveSummary run={editor.run} invalidCount={editor.invalidCount} listName={listName} />
          </ScrollArea.Autosize>
          <Group justify="space-between">
            <Text size="sm" c={editor.dirty ? undefined : 'dimmed'} aria-live="polite" data-testid="product-dirty">
              {editor.dirty ? t('catalogAdmin.save.unsaved') : t('catalogAdmin.save.upToDate')}
            </Text>
            <Button onClick={save} loading={editor.saving} disabled={!editor.dirty} data-testid="product-save">
              {productId ? t('common.save') : t('catalogAdmin.editor.create')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {editor.priceLists.length > 0 && !editor.priceLists.some((list) => list.kind === 'retail') ? (
        <Alert color="yellow">{t('catalogAdmin.prices.noRetailList')}</Alert>
      ) : null}
    </Stack>
  );
}
