import type { Locale } from '@kontor/contracts';
import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Tabs,
  Text,
  Textarea,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldErrors } from '../../../app/form';
import { PageLoader } from '../../../app/guards';
import { currentLocale, localeNames, supportedLocales } from '../../../app/i18n/i18n';
import { ProblemAlert } from '../../../app/problem-alert';
import { useSaveVisitorSettings, useVisitorSettings } from '../api/admin-api';
import type { VisitorSettings } from '../api/types';

/** The privacy notice in each language, how long visits are kept, and how the kiosks behave. */
export function AdminSettings() {
  const { t } = useTranslation();
  const settings = useVisitorSettings();
  const save = useSaveVisitorSettings();
  const [draft, setDraft] = useState<VisitorSettings | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data && draft === null) setDraft(settings.data);
  }, [settings.data, draft]);
  const { fieldErrors, generalError } = useFieldErrors(save.error, {
    kinds: { retentionDays: 'number', idleResetSeconds: 'number' },
  });

  if (settings.error) return <ProblemAlert error={settings.error} />;
  if (!draft) return <PageLoader />;
  const change = (patch: Partial<VisitorSettings>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const notice = (locale: Locale, text: string) =>
    change({ privacyNotice: { ...draft.privacyNotice, [locale]: text } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft, { onSuccess: () => setSaved(true) });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="visitor-settings">
      <Stack gap="md" maw={900}>
        {generalError ? <ProblemAlert error={generalError} /> : null}
        <Paper withBorder p="md">
          <Text fw={600}>{t('visitors.admin.privacyNotice')}</Text>
          <Text size="sm" c="dimmed" mb="sm">
            {t('visitors.admin.privacyNoticeHint')}
          </Text>
          <Tabs defaultValue={currentLocale()}>
            <Tabs.List>
              {supportedLocales.map((locale) => (
                <Tabs.Tab key={locale} value={locale} data-testid={`privacy-tab-${locale}`}>
                  {localeNames[locale]}
                  {draft.privacyNotice[locale]?.trim() ? '' : ' ·'}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {supportedLocales.map((locale) => (
              <Tabs.Panel key={locale} value={locale} pt="sm">
                <Textarea
                  lang={locale}
                  aria-label={t('visitors.admin.privacyNoticeIn', { language: localeNames[locale] })}
                  value={draft.privacyNotice[locale] ?? ''}
                  onChange={(event) => notice(locale, event.currentTarget.value)}
                  autosize
                  minRows={6}
                  maxRows={16}
                  maxLength={10_000}
                  error={fieldErrors.privacyNotice}
                  data-testid={`privacy-notice-${locale}`}
                />
              </Tabs.Panel>
            ))}
          </Tabs>
        </Paper>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('visitors.admin.retentionDays')}
            description={t('visitors.admin.retentionDaysHint')}
            value={draft.retentionDays}
            onChange={(value) => change({ retentionDays: Number(value) })}
            min={1}
            max={3650}
            allowDecimal={false}
            error={fieldErrors.retentionDays}
            data-testid="settings-retention"
          />
          <NumberInput
            label={t('visitors.admin.idleReset')}
            description={t('visitors.admin.idleResetHint')}
            value={draft.idleResetSeconds}
            onChange={(value) => change({ idleResetSeconds: Number(value) })}
            min={10}
            max={600}
            allowDecimal={false}
            error={fieldErrors.idleResetSeconds}
            data-testid="settings-idle"
          />
        </SimpleGrid>
        <Switch
          label={t('visitors.admin.requireDevice')}
          description={t('visitors.admin.requireDeviceHint')}
          checked={draft.requireKioskDevice}
          onChange={(event) => change({ requireKioskDevice: event.currentTarget.checked })}
          data-testid="settings-require-device"
        />
        {saved ? (
          <Alert color="green" variant="light" data-testid="settings-saved">
            {t('visitors.admin.saved')}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="settings-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
