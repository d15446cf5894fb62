import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OptionAxisDraft } from '../api/product-draft';
import { MONO_INPUT } from './mono-input';
import type { ErrorAt } from './use-error-text';

interface OptionAxesProps {
  axes: OptionAxisDraft[];
  locales: string[];
  /** Keys of the axes saved while variants exist: the server refuses to change them, so they are read-only. */
  fixedKeys: string[];
  onChange: (axes: OptionAxisDraft[]) => void;
  errorAt: ErrorAt;
}

const MAX_AXES = 5;

/** What the variants of a product differ by (size, colour, shaft length), each named in the shop's languages. */
export function OptionAxes({ axes, locales, fixedKeys, onChange, errorAt }: OptionAxesProps) {
  const { t } = useTranslation();
  const update = (index: number, change: Partial<OptionAxisDraft>) =>
    onChange(axes.map((axis, at) => (at === index ? { ...axis, ...change } : axis)));
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('catalogAdmin.editor.optionsHint')}
      </Text>
      {axes.map((axis, index) => {
        const fixed = fixedKeys.includes(axis.key);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: an axis's key is what is being typed; its place is its identity
          <Paper key={index} withBorder p="xs" data-testid="option-axis">
            <Group align="flex-start" gap="xs" wrap="nowrap">
              <SimpleGrid cols={{ base: 1, sm: 1 + locales.length }} spacing="xs" style={{ flex: 1 }}>
                <TextInput
                  label={t('catalogAdmin.editor.optionKey')}
                  description={fixed ? t('catalogAdmin.editor.optionKeyFixed') : undefined}
                  value={axis.key}
                  readOnly={fixed}
                  styles={MONO_INPUT}
                  onChange={(event) => update(index, { key: event.currentTarget.value })}
                  error={errorAt(`options.${index}.key`) ?? (index === 0 ? errorAt('options') : undefined)}
                  data-testid={`option-axis-key-${index}`}
                />
                {locales.map((locale) => (
                  <TextInput
                    key={locale}
                    lang={locale}
                    label={t('catalogAdmin.editor.optionName', { locale: locale.toUpperCase() })}
                    value={axis.name[locale] ?? ''}
                    onChange={(event) => update(index, { name: { ...axis.name, [locale]: event.currentTarget.value } })}
                    error={errorAt(`options.${index}.name.${locale}`)}
                    data-testid={`option-axis-name-${index}-${locale}`}
                  />
                ))}
              </SimpleGrid>
              <ActionIcon
                variant="subtle"
                color="red"
                mt={24}
                disabled={fixed}
                onClick={() => onChange(axes.filter((_, at) => at !== index))}
                aria-label={t('catalogAdmin.editor.removeOption', { key: axis.key || index + 1 })}
              >
                ×
              </ActionIcon>
            </Group>
          </Paper>
        );
      })}
      {axes.length < MAX_AXES ? (
        <Group>
          <Button
            size="xs"
            variant="default"
            onClick={() => onChange([...axes, { key: '', name: {} }])}
            data-testid="option-axis-add"
          >
            {t('catalogAdmin.editor.addOption')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
