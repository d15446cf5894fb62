import { Stack, Tabs, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorAt } from './use-error-text';

export interface TranslatedField {
  key: string;
  label: string;
  multiline?: boolean;
  /** The API's limit: shown as a counter, since search engines cut longer titles and descriptions. */
  max?: number;
  required?: boolean;
}

interface TranslatedFieldsProps {
  locales: string[];
  fields: TranslatedField[];
  values: Record<string, Record<string, string>>;
  onChange: (field: string, locale: string, value: string) => void;
  errorAt: ErrorAt;
  /** Prefix of the test ids: `<testId>-<field>-<locale>` and `<testId>-tab-<locale>`. */
  testId: string;
  /** Where the fields sit in the request, when not at its root (`options.0.name`). */
  pathOf?: (field: string, locale: string) => string;
}

/**
 * The same fields in each of the shop's languages, one tab per language. A tab whose fields have errors says so
 * in its label, so an error in the hidden language is not missed.
 */
export function TranslatedFields(props: TranslatedFieldsProps) {
  const { t } = useTranslation();
  const pathOf = props.pathOf ?? ((field: string, locale: string) => `${field}.${locale}`);
  const languageName = (locale: string) => {
    try {
      // Each language in its own words ("Svenska", "English"), as language pickers name them.
      const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
      return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
    } catch {
      return locale;
    }
  };
  return (
    <Tabs defaultValue={props.locales[0]}>
      <Tabs.List>
        {props.locales.map((locale) => {
          const failed = props.fields.some((field) => props.errorAt(pathOf(field.key, locale)));
          return (
            <Tabs.Tab
              key={locale}
              value={locale}
              c={failed ? 'red' : undefined}
              data-testid={`${props.testId}-tab-${locale}`}
              data-error={failed}
            >
              {languageName(locale)}
              {failed ? ` — ${t('catalogAdmin.editor.tabHasErrors')}` : ''}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
      {props.locales.map((locale) => (
        <Tabs.Panel key={locale} value={locale} pt="sm">
          <Stack gap="sm">
            {props.fields.map((field) => {
              const value = props.values[field.key]?.[locale] ?? '';
              const common = {
                label: field.label,
                value,
                lang: locale,
                withAsterisk: field.required,
                error: props.errorAt(pathOf(field.key, locale)),
                description: field.max
                  ? t('catalogAdmin.editor.characters', { length: value.length, max: field.max })
                  : undefined,
                'data-testid': `${props.testId}-${field.key}-${locale}`,
              };
              return field.multiline ? (
                <Textarea
                  key={field.key}
                  {...common}
                  autosize
                  minRows={3}
                  maxRows={12}
                  onChange={(event) => props.onChange(field.key, locale, event.currentTarget.value)}
                />
              ) : (
                <TextInput
                  key={field.key}
                  {...common}
                  onChange={(event) => props.onChange(field.key, locale, event.currentTarget.value)}
                />
              );
            })}
          </Stack>
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
