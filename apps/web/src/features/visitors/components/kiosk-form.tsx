import type { Locale } from '@kontor/contracts';
import {
  Alert,
  Button,
  Checkbox,
  Paper,
  ScrollArea,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api-client';
import { useFieldErrors } from '../../../app/form';
import { privacyNoticeFor } from '../api/kiosk-locale';
import type { KioskHost, KioskSettings } from '../api/types';
import { HostPicker } from './host-picker';

export interface KioskValues {
  firstName: string;
  lastName: string;
  company: string;
  host: KioskHost | null;
  purpose: string;
  consent: boolean;
}

export const emptyKioskValues: KioskValues = {
  firstName: '',
  lastName: '',
  company: '',
  host: null,
  purpose: '',
  consent: false,
};

export const isPristine = (values: KioskValues) =>
  !values.firstName && !values.lastName && !values.company && !values.host && !values.purpose && !values.consent;

interface KioskFormProps {
  values: KioskValues;
  onChange: (values: KioskValues) => void;
  onSubmit: () => void;
  submitting: boolean;
  error: unknown;
  settings: KioskSettings | undefined;
  locale: Locale;
  /** The guest's name came from an invitation: said above the form. */
  invitedBy: string | null;
}

type RequiredField = 'firstName' | 'lastName' | 'consent';

/** The guest's form: large fields and touch targets, errors beside the field they concern. */
export function KioskForm({
  values,
  onChange,
  onSubmit,
  submitting,
  error,
  settings,
  locale,
  invitedBy,
}: KioskFormProps) {
  const { t } = useTranslation();
  const [missing, setMissing] = useState<Set<RequiredField>>(() => new Set());
  const { fieldErrors } = useFieldErrors(error);
  const set = <K extends keyof KioskValues>(key: K, value: KioskValues[K]) => {
    if (missing.has(key as RequiredField)) setMissing(new Set([...missing].filter((field) => field !== key)));
    onChange({ ...values, [key]: value });
  };
  const errorOf = (field: keyof KioskValues | 'hostId') =>
    missing.has(field as RequiredField)
      ? field === 'consent'
        ? t('visitors.kiosk.consentRequired')
        : t('validation.required')
      : fieldErrors[field];
  const notice = settings ? privacyNoticeFor(settings.privacyNotice, locale) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = new Set<RequiredField>();
    if (!values.firstName.trim()) empty.add('firstName');
    if (!values.lastName.trim()) empty.add('lastName');
    if (!values.consent) empty.add('consent');
    setMissing(empty);
    if (empty.size === 0) onSubmit();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('visitors.kiosk.formTitle')} data-testid="kiosk-form">
      <Stack gap="lg">
        {invitedBy ? (
          <Alert color="teal" variant="light" data-testid="kiosk-invited">
            <Text size="lg">{t('visitors.kiosk.invited', { host: invitedBy })}</Text>
          </Alert>
        ) : null}
        <KioskError error={error} hasFieldErrors={Object.keys(fieldErrors).length > 0} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <TextInput
            size="xl"
            label={t('visitors.fields.firstName')}
            value={values.firstName}
            onChange={(event) => set('firstName', event.currentTarget.value)}
            error={errorOf('firstName')}
            withAsterisk
            autoComplete="given-name"
            maxLength={100}
            data-testid="kiosk-first-name"
          />
          <TextInput
            size="xl"
            label={t('visitors.fields.lastName')}
            value={values.lastName}
            onChange={(event) => set('lastName', event.currentTarget.value)}
            error={errorOf('lastName')}
            withAsterisk
            autoComplete="family-name"
            maxLength={100}
            data-testid="kiosk-last-name"
          />
        </SimpleGrid>
        <TextInput
          size="xl"
          label={t('visitors.fields.company')}
          value={values.company}
          onChange={(event) => set('company', event.currentTarget.value)}
          error={errorOf('company')}
          autoComplete="organization"
          maxLength={100}
          data-testid="kiosk-company"
        />
        <HostPicker
          size="xl"
          label={t('visitors.kiosk.host')}
          description={t('visitors.kiosk.hostHint')}
          value={values.host}
          onChange={(host) => set('host', host)}
          error={errorOf('hostId')}
          testId="kiosk-host"
        />
        <Textarea
          size="xl"
          label={t('visitors.fields.purpose')}
          value={values.purpose}
          onChange={(event) => set('purpose', event.currentTarget.value)}
          error={errorOf('purpose')}
          autosize
          minRows={2}
          maxRows={5}
          maxLength={500}
          data-testid="kiosk-purpose"
        />
        <Paper withBorder p="md" radius="md">
          <Text fw={600} size="lg" mb="xs">
            {t('visitors.kiosk.privacyTitle')}
          </Text>
          <ScrollArea.Autosize mah={220} type="auto" offsetScrollbars>
            <Text
              size="md"
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
              lang={notice?.locale}
              data-testid="kiosk-privacy-notice"
            >
              {notice?.text ?? t('visitors.kiosk.privacyMissing')}
            </Text>
          </ScrollArea.Autosize>
          <Checkbox
            mt="md"
            size="xl"
            label={<Text size="lg">{t('visitors.kiosk.consent')}</Text>}
            checked={values.consent}
            onChange={(event) => set('consent', event.currentTarget.checked)}
            error={errorOf('consent')}
            styles={{
              body: { alignItems: 'center', minHeight: 48 },
              labelWrapper: { minHeight: 48, justifyContent: 'center' },
            }}
            data-testid="kiosk-consent"
          />
        </Paper>
        <Button type="submit" size="xl" h={72} fz={24} fullWidth loading={submitting} data-testid="kiosk-submit">
          {t('visitors.kiosk.submit')}
        </Button>
      </Stack>
    </form>
  );
}

/** What went wrong that no single field explains, in words for a guest: reception helps with the rest. */
function KioskError({ error, hasFieldErrors }: { error: unknown; hasFieldErrors: boolean }) {
  const { t } = useTranslation();
  if (!error) return null;
  const status = error instanceof ApiError ? error.status : 0;
  const message =
    status === 429
      ? t('visitors.kiosk.tooMany')
      : status === 401 || status === 403
        ? t('visitors.kiosk.notRegistered')
        : hasFieldErrors
          ? t('visitors.kiosk.checkFields')
          : status === 0
            ? t('visitors.kiosk.offline')
            : t('visitors.kiosk.failed');
  return (
    <Alert
      color={hasFieldErrors ? 'orange' : 'red'}
      variant="filled"
      role="alert"
      data-testid="kiosk-error"
      data-status={status}
    >
      <Text size="xl" fw={600}>
        {message}
      </Text>
    </Alert>
  );
}
