import { type CatalogAttribute, catalogAttributeTypes } from '@kontor/contracts';
import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../../../../app/form';
import { problemPaths } from '../api/problem-paths';
import { shopLocales } from '../api/shop-locales';
import { useSaveAttribute } from '../api/taxonomy-api';
import { compactText } from '../api/translated';
import { MONO_INPUT } from './mono-input';
import { useErrorText } from './use-error-text';

type Option = { value: string; label: Record<string, string> };

/** A new attribute's form (null) or one to change; the page shows it in a dialog. */
export function AttributeForm({ attribute, onClose }: { attribute: CatalogAttribute | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveAttribute();
  const [key, setKey] = useState(attribute?.key ?? '');
  const [type, setType] = useState<CatalogAttribute['type']>(attribute?.type ?? 'text');
  const [unit, setUnit] = useState(attribute?.unit ?? '');
  const [name, setName] = useState<Record<string, string>>({ ...attribute?.name });
  const [options, setOptions] = useState<Option[]>(attribute?.options.map((option) => ({ ...option })) ?? []);
  const [facet, setFacet] = useState(attribute?.facet ?? false);
  const [position, setPosition] = useState<number | ''>(attribute?.position ?? 0);
  const paths = problemPaths(save.error);
  const errorAt = useErrorText().at(paths);
  const locales = shopLocales(name, ...options.map((option) => option.label));
  const submit = () =>
    save.mutate(
      {
        key: key.trim(),
        input: {
          type,
          unit: unit.trim() || null,
          name: compactText(name),
          options:
            type === 'enum'
              ? options.map((option) => ({ value: option.value.trim(), label: compactText(option.label) }))
              : [],
          facet,
          position: position === '' ? 0 : position,
        },
      },
      { onSuccess: onClose },
    );
  const setOption = (index: number, change: Partial<Option>) =>
    setOptions((current) => current.map((option, at) => (at === index ? { ...option, ...change } : option)));
  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={Object.keys(paths).length === 0 ? save.error : null}
      submitLabel={attribute ? t('common.save') : t('catalogAdmin.create')}
      submitTestId="attribute-form-submit"
      submitting={save.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('catalogAdmin.attributes.key')}
          description={attribute ? t('catalogAdmin.attributes.keyFixed') : t('catalogAdmin.attributes.keyHint')}
          value={key}
          readOnly={attribute !== null}
          onChange={(event) => setKey(event.currentTarget.value)}
          error={errorAt('key')}
          withAsterisk
          styles={MONO_INPUT}
          data-autofocus={attribute === null}
          data-testid="attribute-form-key"
        />
        <NativeSelect
          label={t('catalogAdmin.attributes.type')}
          value={type}
          onChange={(event) => setType(event.currentTarget.value as CatalogAttribute['type'])}
          data={catalogAttributeTypes.map((value) => ({ value, label: t(`catalogAdmin.attributeType.${value}`) }))}
          error={errorAt('type')}
          data-testid="attribute-form-type"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: locales.length }} spacing="sm">
        {locales.map((locale) => (
          <TextInput
            key={locale}
            lang={locale}
            label={t('catalogAdmin.attributes.nameIn', { locale: locale.toUpperCase() })}
            value={name[locale] ?? ''}
            onChange={(event) => setName({ ...name, [locale]: event.currentTarget.value })}
            error={errorAt(`name.${locale}`)}
            withAsterisk={locale === 'sv' || locale === 'en'}
            data-testid={`attribute-form-name-${locale}`}
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label={t('catalogAdmin.attributes.unit')}
          description={t('catalogAdmin.attributes.unitHint')}
          value={unit}
          onChange={(event) => setUnit(event.currentTarget.value)}
          error={errorAt('unit')}
          data-testid="attribute-form-unit"
        />
        <NumberInput
          label={t('catalogAdmin.attributes.position')}
          value={position}
          onChange={(value) => setPosition(typeof value === 'number' ? value : '')}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          error={errorAt('position', 'number')}
        />
        <Switch
          mt={{ base: 0, sm: 28 }}
          label={t('catalogAdmin.attributes.facet')}
          description={t('catalogAdmin.attributes.facetHint')}
          checked={facet}
          onChange={(event) => setFacet(event.currentTarget.checked)}
          data-testid="attribute-form-facet"
        />
      </SimpleGrid>
      {type === 'enum' ? (
        <Stack gap="xs" data-testid="attribute-form-options">
          <Text size="sm" fw={500}>
            {t('catalogAdmin.attributes.options')}
          </Text>
          {errorAt('options') ? (
            <Text c="red" size="sm" role="alert">
              {errorAt('options')}
            </Text>
          ) : null}
          {options.map((option, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: an option's value is what is being typed; its place is its identity
            <Paper key={index} withBorder p="xs">
              <Group align="flex-start" gap="xs" wrap="nowrap">
                <SimpleGrid cols={{ base: 1, sm: 1 + locales.length }} spacing="xs" style={{ flex: 1 }}>
                  <TextInput
                    size="xs"
                    label={t('catalogAdmin.attributes.optionValue')}
                    value={option.value}
                    onChange={(event) => setOption(index, { value: event.currentTarget.value })}
                    error={errorAt(`options.${index}.value`)}
                    styles={MONO_INPUT}
                    data-testid="attribute-option-value"
                  />
                  {locales.map((locale) => (
                    <TextInput
                      key={locale}
                      size="xs"
                      lang={locale}
                      label={t('catalogAdmin.attributes.optionLabel', { locale: locale.toUpperCase() })}
                      value={option.label[locale] ?? ''}
                      onChange={(event) =>
                        setOption(index, { label: { ...option.label, [locale]: event.currentTarget.value } })
                      }
                      error={errorAt(`options.${index}.label.${locale}`)}
                    />
                  ))}
                </SimpleGrid>
                <ActionIcon
                  mt={22}
                  variant="subtle"
                  color="red"
                  onClick={() => setOptions((current) => current.filter((_, at) => at !== index))}
                  aria-label={t('catalogAdmin.attributes.removeOption', { value: option.value || index + 1 })}
                >
                  ×
                </ActionIcon>
              </Group>
            </Paper>
          ))}
          <Group>
            <Button
              size="xs"
              variant="default"
              onClick={() => setOptions((current) => [...current, { value: '', label: {} }])}
              data-testid="attribute-option-add"
            >
              {t('catalogAdmin.attributes.addOption')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </ModalForm>
  );
}
