import type { CatalogAttribute } from '@kontor/contracts';
import { NativeSelect, NumberInput, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AttributeValue } from '../api/product-draft';
import { pickText } from '../api/translated';
import type { ErrorAt } from './use-error-text';

interface AttributeInputsProps {
  attributes: CatalogAttribute[];
  values: Record<string, AttributeValue>;
  onChange: (values: Record<string, AttributeValue>) => void;
  errorAt: ErrorAt;
}

/** One input per attribute, of its type; an attribute left empty is not set on the product. */
export function AttributeInputs({ attributes, values, onChange, errorAt }: AttributeInputsProps) {
  const { t, i18n } = useTranslation();
  const set = (key: string, value: AttributeValue | undefined) => {
    const next = { ...values };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  // Values of attributes no longer defined are kept and shown, so the server can say what is wrong with them.
  const unknown = Object.keys(values).filter((key) => !attributes.some((attribute) => attribute.key === key));
  if (attributes.length === 0 && unknown.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('catalogAdmin.editor.noAttributes')}
      </Text>
    );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
      {attributes.map((attribute) => {
        const label = pickText(attribute.name, i18n.language) || attribute.key;
        const value = values[attribute.key];
        const common = {
          label,
          error: errorAt(`attributes.${attribute.key}`),
          'data-testid': `product-attribute-${attribute.key}`,
        };
        switch (attribute.type) {
          case 'number':
            return (
              <NumberInput
                key={attribute.key}
                {...common}
                value={typeof value === 'number' ? value : ''}
                onChange={(next) => set(attribute.key, typeof next === 'number' ? next : undefined)}
                rightSection={attribute.unit ? <Text size="xs">{attribute.unit}</Text> : null}
                rightSectionWidth={attribute.unit ? 48 : undefined}
                decimalSeparator={i18n.language === 'en' ? '.' : ','}
              />
            );
          case 'boolean':
            return (
              <NativeSelect
                key={attribute.key}
                {...common}
                value={typeof value === 'boolean' ? String(value) : ''}
                onChange={(event) =>
                  set(
                    attribute.key,
                    event.currentTarget.value === '' ? undefined : event.currentTarget.value === 'true',
                  )
                }
                data={[
                  { value: '', label: t('catalogAdmin.editor.notSet') },
                  { value: 'true', label: t('catalogAdmin.editor.yes') },
                  { value: 'false', label: t('catalogAdmin.editor.no') },
                ]}
              />
            );
          case 'enum':
            return (
              <NativeSelect
                key={attribute.key}
                {...common}
                value={typeof value === 'string' ? value : ''}
                onChange={(event) => set(attribute.key, event.currentTarget.value || undefined)}
                data={[
                  { value: '', label: t('catalogAdmin.editor.notSet') },
                  ...attribute.options.map((option) => ({
                    value: option.value,
                    label: pickText(option.label, i18n.language) || option.value,
                  })),
                ]}
              />
            );
          default:
            return (
              <TextInput
                key={attribute.key}
                {...common}
                value={typeof value === 'string' ? value : value === undefined ? '' : String(value)}
                onChange={(event) => set(attribute.key, event.currentTarget.value || undefined)}
                rightSection={attribute.unit ? <Text size="xs">{attribute.unit}</Text> : null}
              />
            );
        }
      })}
      {unknown.map((key) => (
        <TextInput key={key} label={key} value={String(values[key])} readOnly error={errorAt(`attributes.${key}`)} />
      ))}
    </SimpleGrid>
  );
}
