import type { Me } from '@kontor/contracts';
import { NativeSelect } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQueryKey, saveLocale, useMe } from '../features/auth/api/session';
import { currentLocale, isLocale, localeNames, rememberLocale, supportedLocales } from './i18n/i18n';

interface LanguageSwitcherProps {
  /** In the header the select stands alone; its label is then for screen readers only. */
  visibleLabel?: boolean;
}

export function LanguageSwitcher({ visibleLabel = false }: LanguageSwitcherProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();

  const change = async (value: string) => {
    if (!isLocale(value)) return;
    rememberLocale(value);
    await i18n.changeLanguage(value);
    if (!me) return;
    try {
      await saveLocale(value);
      queryClient.setQueryData<Me | null>(meQueryKey, (previous) =>
        previous ? { ...previous, locale: value } : previous,
      );
    } catch {
      // The page is already in the new language; only the saved preference failed and the next sign-in shows it.
    }
  };

  return (
    <NativeSelect
      data-testid="language-select"
      label={visibleLabel ? t('language.label') : undefined}
      aria-label={visibleLabel ? undefined : t('language.label')}
      value={currentLocale()}
      onChange={(event) => void change(event.currentTarget.value)}
      data={supportedLocales.map((locale) => ({ value: locale, label: localeNames[locale] }))}
      size={visibleLabel ? 'sm' : 'xs'}
      w={visibleLabel ? undefined : { base: 104, sm: 120 }}
    />
  );
}
