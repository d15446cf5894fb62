import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NumberInput,
  Switch,
  Table,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { emptyVariant, type OptionAxisDraft, type VariantDraft } from '../api/product-draft';
import { pickText } from '../api/translated';
import { MONO_INPUT } from './mono-input';
import type { ErrorAt } from './use-error-text';

interface VariantsTableProps {
  variants: VariantDraft[];
  axes: OptionAxisDraft[];
  onChange: (variants: VariantDraft[]) => void;
  errorAt: ErrorAt;
  /** Whether a saved variant may be removed (the API deletes variants); otherwise it is made inactive. */
  canRemoveSaved: boolean;
}

const MAX_VARIANTS = 200;

/** The variants' own fields, edited in place; fitment, stock and prices are below, per variant. */
export function VariantsTable({ variants, axes, onChange, errorAt, canRemoveSaved }: VariantsTableProps) {
  const { t, i18n } = useTranslation();
  const update = (key: string, change: Partial<VariantDraft>) =>
    onChange(variants.map((variant) => (variant.key === key ? { ...variant, ...change } : variant)));
  const at = (variant: VariantDraft, field: string) => errorAt(`variants.${variant.key}.${field}`);
  return (
    <>
      <Table.ScrollContainer minWidth={640 + axes.length * 140} type="native">
        <Table verticalSpacing={6} data-testid="variant-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('catalogAdmin.fields.sku')}</Table.Th>
              <Table.Th scope="col">{t('catalogAdmin.fields.ean')}</Table.Th>
              {axes.map((axis, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: axes are positions while their keys are typed
                <Table.Th scope="col" key={index}>
                  {pickText(axis.name, i18n.language) || axis.key}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t('catalogAdmin.fields.weightGrams')}</Table.Th>
              <Table.Th scope="col">{t('catalogAdmin.fields.active')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {variants.map((variant, index) => {
              const name = variant.sku || t('catalogAdmin.editor.variantNumber', { number: index + 1 });
              const removable = variant.id === null || canRemoveSaved;
              return (
                <Table.Tr key={variant.key} data-testid="variant-row" data-sku={variant.sku}>
                  <Table.Td miw={150}>
                    <TextInput
                      size="xs"
                      styles={MONO_INPUT}
                      aria-label={t('catalogAdmin.editor.skuOf', { number: index + 1 })}
                      value={variant.sku}
                      onChange={(event) => update(variant.key, { sku: event.currentTarget.value })}
                      error={at(variant, 'sku')}
                      data-testid="variant-sku"
                    />
                    {variant.id === null ? (
                      <Badge size="xs" variant="light" mt={4} tt="none">
                        {t('catalogAdmin.editor.unsaved')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td miw={140}>
                    <TextInput
                      size="xs"
                      styles={MONO_INPUT}
                      inputMode="numeric"
                      aria-label={t('catalogAdmin.editor.eanOf', { name })}
                      value={variant.ean}
                      onChange={(event) => update(variant.key, { ean: event.currentTarget.value })}
                      error={at(variant, 'ean')}
                      data-testid="variant-ean"
                    />
                  </Table.Td>
                  {axes.map((axis, axisIndex) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: axes are positions while their keys are typed
                    <Table.Td key={axisIndex} miw={120}>
                      <TextInput
                        size="xs"
                        aria-label={`${pickText(axis.name, i18n.language) || axis.key}: ${name}`}
                        value={variant.optionValues[axis.key] ?? ''}
                        onChange={(event) =>
                          update(variant.key, {
                            optionValues: { ...variant.optionValues, [axis.key]: event.currentTarget.value },
                          })
                        }
                        error={
                          at(variant, `optionValues.${axis.key}`) ??
                          (axisIndex === 0 ? at(variant, 'optionValues') : undefined)
                        }
                        data-testid={`variant-option-${axis.key}`}
                      />
                    </Table.Td>
                  ))}
                  <Table.Td w={120}>
                    <NumberInput
                      size="xs"
                      aria-label={t('catalogAdmin.editor.weightOf', { name })}
                      value={variant.weightGrams}
                      onChange={(value) => update(variant.key, { weightGrams: typeof value === 'number' ? value : '' })}
                      min={0}
                      allowDecimal={false}
                      allowNegative={false}
                      thousandSeparator=" "
                      error={at(variant, 'weightGrams')}
                      data-testid="variant-weight"
                    />
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      checked={variant.active}
                      onChange={(event) => update(variant.key, { active: event.currentTarget.checked })}
                      aria-label={t('catalogAdmin.editor.activeOf', { name })}
                      data-testid="variant-active"
                    />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Tooltip label={t('catalogAdmin.editor.cannotRemoveSaved')} disabled={removable}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        disabled={!removable || variants.length === 1}
                        onClick={() => onChange(variants.filter((other) => other.key !== variant.key))}
                        aria-label={t('catalogAdmin.editor.removeVariant', { name })}
                        data-testid="variant-remove"
                      >
                        ×
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {errorAt('variants') ? (
        <Text c="red" size="sm" role="alert">
          {errorAt('variants')}
        </Text>
      ) : null}
      {variants.length < MAX_VARIANTS ? (
        <Group mt="xs">
          <Button
            size="xs"
            variant="default"
            onClick={() => onChange([...variants, emptyVariant(axes)])}
            data-testid="variant-add"
          >
            {t('catalogAdmin.editor.addVariant')}
          </Button>
        </Group>
      ) : null}
    </>
  );
}
