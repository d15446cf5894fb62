import type { Locale } from '@kontor/contracts';
import { Box, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { i18n, localeNames, supportedLocales } from '../../../app/i18n/i18n';
import { useNodeInfo } from '../../auth/api/session';
import { storeKioskKey, useKioskInvitation, useKioskSettings, useSubmitKioskEntry } from '../api/kiosk-api';
import { kioskLocale } from '../api/kiosk-locale';
import { emptyKioskValues, isPristine, KioskForm, type KioskValues } from '../components/kiosk-form';
import { useIdleReset } from '../components/use-idle-reset';
import '../kiosk.css';

/** How long "please wait for your identifier" stays before the kiosk is ready for the next guest. */
const DONE_SCREEN_MS = 5_000;
const DEFAULT_IDLE_SECONDS = 60;

const startLocale = () => kioskLocale(navigator.languages ?? [navigator.language]);

/**
 * The guest kiosk: public, full screen, on a tablet at the entrance or the guest's own phone (from an
 * invitation's QR code). It can only create entries and learns nothing back, not even the guest's own data.
 */
export function KioskPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const node = useNodeInfo();
  const settings = useKioskSettings();
  const submit = useSubmitKioskEntry();
  const [defaultLocale] = useState(startLocale);
  const [locale, setLocale] = useState<Locale>(defaultLocale);
  const [values, setValues] = useState<KioskValues>(emptyKioskValues);
  // A new key remounts the form: the host search and any errors start afresh for the next guest.
  const [generation, setGeneration] = useState(0);
  const [doneFor, setDoneFor] = useState<string | null>(null);
  const invitation = params.get('invitation');
  const loaded = useKioskInvitation(invitation);
  const prefilled = useRef<string | null>(null);

  // `/kiosk?device=KEY`: a registered tablet keeps its key and the address bar no longer shows it.
  useEffect(() => {
    const key = params.get('device');
    if (!key) return;
    storeKioskKey(key);
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete('device');
        return next;
      },
      { replace: true },
    );
  }, [params, setParams]);

  // A staff member trying the kiosk in their own browser gets their language back on leaving it.
  useEffect(() => {
    const before = i18n.language;
    return () => void i18n.changeLanguage(before);
  }, []);
  useEffect(() => {
    void i18n.changeLanguage(locale);
  }, [locale]);

  // An invitation fills in the form once; what the guest then changes is theirs.
  useEffect(() => {
    if (!loaded.data || !invitation || prefilled.current === invitation) return;
    prefilled.current = invitation;
    const { firstName, lastName, company, purpose, host } = loaded.data;
    setValues({ ...emptyKioskValues, firstName, lastName, company, purpose, host });
    setGeneration((previous) => previous + 1);
  }, [loaded.data, invitation]);

  const reset = () => {
    setValues(emptyKioskValues);
    setGeneration((previous) => previous + 1);
    setDoneFor(null);
    setLocale(defaultLocale);
    submit.reset();
    // The next guest is someone else: the invitation was this one's.
    if (params.has('invitation')) setParams({}, { replace: true });
  };

  const resetRef = useRef(reset);
  useEffect(() => {
    resetRef.current = reset;
  });
  useEffect(() => {
    if (doneFor === null) return;
    const timer = setTimeout(() => resetRef.current(), DONE_SCREEN_MS);
    return () => clearTimeout(timer);
  }, [doneFor]);

  const dirty = !isPristine(values) || locale !== defaultLocale || Boolean(invitation) || Boolean(submit.error);
  useIdleReset((settings.data?.idleResetSeconds ?? DEFAULT_IDLE_SECONDS) * 1000, dirty && doneFor === null, reset);

  const send = () =>
    submit.mutate(
      {
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        company: values.company.trim(),
        hostId: values.host?.id ?? null,
        purpose: values.purpose.trim(),
        consent: true,
        locale,
        ...(invitation && loaded.data ? { invitation } : {}),
      },
      { onSuccess: () => setDoneFor(values.firstName.trim()) },
    );

  return (
    <Box className="kiosk" data-testid="kiosk">
      <Group component="header" className="kiosk-header" justify="space-between" gap="sm" wrap="wrap">
        <Text fw={700} fz={{ base: 'lg', sm: 'xl' }} data-testid="org-name">
          {node.data?.organisation ?? 'Kontor'}
        </Text>
        <Group gap={8} role="group" aria-label={t('language.label')} wrap="wrap">
          {supportedLocales.map((code) => (
            <Button
              key={code}
              lang={code}
              size="lg"
              miw={56}
              px="sm"
              variant={code === locale ? 'filled' : 'default'}
              aria-pressed={code === locale}
              onClick={() => setLocale(code)}
              data-testid={`kiosk-lang-${code}`}
            >
              <span aria-hidden="true">{code.toUpperCase()}</span>
              <span className="kiosk-visually-hidden">{localeNames[code]}</span>
            </Button>
          ))}
        </Group>
      </Group>
      <Box component="main" className="kiosk-main">
        {doneFor !== null ? (
          <KioskDone name={doneFor} onNext={reset} />
        ) : (
          <Paper className="kiosk-card" withBorder shadow="sm" radius="lg">
            <Stack gap="xs" mb="xl">
              <Title order={1} className="kiosk-title">
                {t('visitors.kiosk.welcome')}
              </Title>
              <Text fz={{ base: 'lg', sm: 'xl' }}>{t('visitors.kiosk.intro')}</Text>
              {invitation && loaded.isError ? (
                <Text c="orange.8" fz="lg" data-testid="kiosk-invitation-invalid">
                  {t('visitors.kiosk.invitationInvalid')}
                </Text>
              ) : null}
            </Stack>
            <KioskForm
              key={generation}
              values={values}
              onChange={(next) => {
                if (submit.error) submit.reset();
                setValues(next);
              }}
              onSubmit={send}
              submitting={submit.isPending}
              error={submit.error}
              settings={settings.data}
              locale={locale}
              invitedBy={invitation && loaded.data ? (loaded.data.host?.name ?? t('visitors.kiosk.yourHost')) : null}
            />
          </Paper>
        )}
      </Box>
    </Box>
  );
}

function KioskDone({ name, onNext }: { name: string; onNext: () => void }) {
  const { t } = useTranslation();
  return (
    <Center mih="60dvh">
      <Stack align="center" gap="lg" ta="center" maw={720} data-testid="kiosk-done" role="status">
        <svg viewBox="0 0 96 96" width={120} height={120} aria-hidden="true">
          <circle cx="48" cy="48" r="46" fill="var(--mantine-color-teal-6)" />
          <path d="M27 50l14 14 28-30" stroke="white" strokeWidth="9" fill="none" strokeLinecap="round" />
        </svg>
        <Title order={1} className="kiosk-title" style={{ overflowWrap: 'anywhere' }}>
          {t('visitors.kiosk.thanks', { name })}
        </Title>
        <Text fz={{ base: 28, sm: 40 }} fw={700} lh={1.2}>
          {t('visitors.kiosk.pleaseWait')}
        </Text>
        <Text fz={{ base: 'lg', sm: 'xl' }}>{t('visitors.kiosk.pleaseWaitText')}</Text>
        <Button size="xl" variant="default" onClick={onNext} data-testid="kiosk-next">
          {t('visitors.kiosk.next')}
        </Button>
      </Stack>
    </Center>
  );
}
