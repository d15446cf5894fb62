import { Button, Group, Input, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { likelyVariant } from '../api/list-prices';
import { useProduct, useProductPages } from '../api/products-api';
import { pickText } from '../api/translated';

export interface PickedVariant {
  id: string;
  sku: string;
  productId: string;
}

interface VariantPickerProps {
  value: PickedVariant | null;
  onChange: (variant: PickedVariant | null) => void;
  error?: string;
}

const TYPING_PAUSE_MS = 200;
const SHOWN_PRODUCTS = 6;

/** Finds a variant by searching products (name, slug or SKU, as the product list does), then its SKU. */
export function VariantPicker({ value, onChange, error }: VariantPickerProps) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [q] = useDebouncedValue(query, TYPING_PAUSE_MS);
  const [productId, setProductId] = useState<string | null>(value?.productId ?? null);
  const pages = useProductPages({ q, status: '', brandId: '', categoryId: '' });
  const product = useProduct(productId);
  const found = (pages.data?.pages.flatMap((page) => page.products) ?? []).slice(0, SHOWN_PRODUCTS);
  const variants = product.data?.variants ?? [];

  // A product just chosen gets the variant the search most likely meant; the person may pick another.
  useEffect(() => {
    if (!product.data || value?.productId === product.data.id) return;
    const variant = likelyVariant(product.data.variants, query);
    onChange(variant ? { id: variant.id, sku: variant.sku, productId: product.data.id } : null);
  }, [product.data, value?.productId, query, onChange]);

  if (productId !== null)
    return (
      <Stack gap="xs">
        <Input.Wrapper label={t('catalogAdmin.listPrices.product')}>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" data-testid="variant-picker-product-name">
              {product.data ? pickText(product.data.name, i18n.language) : '…'}
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => {
                setProductId(null);
                onChange(null);
              }}
            >
              {t('catalogAdmin.listPrices.otherProduct')}
            </Button>
          </Group>
        </Input.Wrapper>
        <NativeSelect
          label={t('catalogAdmin.fields.sku')}
          value={value?.id ?? ''}
          onChange={(event) => {
            const variant = variants.find((candidate) => candidate.id === event.currentTarget.value);
            onChange(variant ? { id: variant.id, sku: variant.sku, productId: variant.productId } : null);
          }}
          data={variants.map((variant) => ({
            value: variant.id,
            label: [variant.sku, ...Object.values(variant.optionValues)].join(' · '),
          }))}
          error={error}
          withAsterisk
          data-testid="variant-picker-sku"
        />
      </Stack>
    );
  return (
    <Stack gap={4}>
      <TextInput
        type="search"
        label={t('catalogAdmin.listPrices.product')}
        description={t('catalogAdmin.products.searchHint')}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        error={error}
        withAsterisk
        data-autofocus
        data-testid="variant-picker-search"
      />
      {q.trim() !== '' && pages.isSuccess ? (
        <Paper withBorder p={4}>
          {found.length === 0 ? (
            <Text size="sm" c="dimmed" p={4}>
              {t('catalogAdmin.products.empty')}
            </Text>
          ) : (
            <Stack gap={2}>
              {found.map((summary) => (
                <Button
                  key={summary.id}
                  variant="subtle"
                  justify="space-between"
                  fullWidth
                  onClick={() => setProductId(summary.id)}
                  rightSection={
                    <Text size="xs" c="dimmed">
                      {t('catalogAdmin.listPrices.variants', { count: summary.variantCount })}
                    </Text>
                  }
                  data-testid="variant-picker-result"
                >
                  {pickText(summary.name, i18n.language) || summary.slug}
                </Button>
              ))}
            </Stack>
          )}
        </Paper>
      ) : null}
    </Stack>
  );
}
