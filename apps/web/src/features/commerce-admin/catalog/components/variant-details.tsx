import type { CatalogPriceList, CatalogProduct } from '@kontor/contracts';
import { Accordion, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PricesDraft, VariantPrices } from '../api/price-draft';
import type { Currency } from '../api/prices-api';
import type { VariantDraft } from '../api/product-draft';
import type { VariantPricesAnswer } from '../api/products-api';
import { FitmentEditor } from './fitment-editor';
import { PricesEditor } from './prices-editor';
import { StockEditor } from './stock-editor';
import type { ErrorAt } from './use-error-text';

interface VariantDetailsProps {
  variants: VariantDraft[];
  saved: CatalogProduct | undefined;
  savedPrices: Record<string, VariantPricesAnswer | undefined>;
  prices: PricesDraft;
  priceLists: CatalogPriceList[];
  currencies: Currency[];
  open: string[];
  onOpen: (keys: string[]) => void;
  onVariantChange: (key: string, change: Partial<VariantDraft>) => void;
  onPricesChange: (key: string, prices: VariantPrices) => void;
  errorAt: ErrorAt;
  hasErrors: (prefix: string) => boolean;
}

/** Per variant: its fitment, stock and prices, one panel each; a panel with errors says so when closed. */
export function VariantDetails(props: VariantDetailsProps) {
  const { t } = useTranslation();
  const retail = props.priceLists.find((list) => list.kind === 'retail');
  return (
    <Accordion multiple value={props.open} onChange={props.onOpen} variant="separated" data-testid="variant-details">
      {props.variants.map((variant, index) => {
        const path = `variants.${variant.key}`;
        const failed =
          props.hasErrors(`${path}.fitments`) ||
          props.hasErrors(`${path}.stock`) ||
          props.hasErrors(`prices.${variant.key}`);
        const savedVariant = props.saved?.variants.find((candidate) => candidate.id === variant.id);
        const options = Object.values(variant.optionValues).filter(Boolean).join(' / ');
        return (
          <Accordion.Item key={variant.key} value={variant.key} data-testid="variant-detail" data-sku={variant.sku}>
            <Accordion.Control data-testid="variant-detail-toggle">
              <Group gap="xs">
                <Text fw={500} ff={variant.sku ? 'monospace' : undefined} size="sm">
                  {variant.sku || t('catalogAdmin.editor.variantNumber', { number: index + 1 })}
                </Text>
                {options ? (
                  <Text size="sm" c="dimmed">
                    {options}
                  </Text>
                ) : null}
                <Badge size="xs" variant="light" color="gray" tt="none">
                  {t('catalogAdmin.fitment.count', { count: variant.fitments.length })}
                </Badge>
                {failed ? (
                  <Badge size="xs" color="red" tt="none">
                    {t('catalogAdmin.editor.hasErrors')}
                  </Badge>
                ) : null}
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="md">
                <section>
                  <Title order={3} size="h5" mb="xs">
                    {t('catalogAdmin.fitment.title')}
                  </Title>
                  <FitmentEditor
                    path={path}
                    fitments={variant.fitments}
                    onChange={(fitments) => props.onVariantChange(variant.key, { fitments })}
                    errorAt={props.errorAt}
                  />
                </section>
                <section>
                  <Title order={3} size="h5" mb="xs">
                    {t('catalogAdmin.stock.title')}
                  </Title>
                  <StockEditor
                    path={path}
                    stock={variant.stock}
                    availability={savedVariant?.stock.availability ?? null}
                    onChange={(stock) => props.onVariantChange(variant.key, { stock })}
                    errorAt={props.errorAt}
                  />
                </section>
                <section>
                  <Title order={3} size="h5" mb="xs">
                    {t('catalogAdmin.prices.title')}
                  </Title>
                  <PricesEditor
                    variantKey={variant.key}
                    retail={retail}
                    priceLists={props.priceLists}
                    currencies={props.currencies}
                    prices={props.prices[variant.key] ?? {}}
                    onChange={(prices) => props.onPricesChange(variant.key, prices)}
                    saved={variant.id ? props.savedPrices[variant.id] : undefined}
                    errorAt={props.errorAt}
                  />
                </section>
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}
