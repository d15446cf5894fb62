import { Button, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../../app/form';
import { ProblemAlert } from '../../../app/problem-alert';
import { useEnrollWorkstation } from '../api/first-run-api';
import { parseHubAddress } from '../api/sync-api';

/** Why a workstation needs a hub, where the code comes from, and the two fields that enroll it. */
export function FirstRunForm() {
  const { t } = useTranslation();
  const enroll = useEnrollWorkstation();
  const invalidAddress = t('firstRun.hubUrlInvalid');
  const form = useForm({ hubUrl: '', code: '' }, enroll.error, { formatHints: { hubUrl: invalidAddress } });
  // Judged from the first submit on, so the address is not called wrong while it is being typed.
  const [submitted, setSubmitted] = useState(false);
  const hubUrl = parseHubAddress(form.values.hubUrl);
  const hubUrlField = form.text('hubUrl');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (hubUrl) enroll.mutate({ hubUrl, code: form.values.code.trim() });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('firstRun.why')}</Text>
        <Text size="sm">{t('firstRun.askForCode', { nodes: t('nav.nodes'), newCode: t('nodes.newCode') })}</Text>
        {form.generalError ? <ProblemAlert error={form.generalError} testId="first-run-error" /> : null}
        <TextInput
          {...hubUrlField}
          error={submitted && !hubUrl ? invalidAddress : hubUrlField.error}
          type="url"
          label={t('firstRun.hubUrl')}
          description={t('firstRun.hubUrlHint')}
          placeholder="https://hub.example.org"
          autoCapitalize="none"
          spellCheck={false}
          withAsterisk
          autoFocus
          data-testid="first-run-hub-url"
        />
        <TextInput
          {...form.text('code')}
          label={t('firstRun.code')}
          placeholder="8F2KQ7D1Z3XA"
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          withAsterisk
          data-testid="first-run-code"
        />
        <Button type="submit" loading={enroll.isPending} fullWidth data-testid="first-run-submit">
          {t('firstRun.submit')}
        </Button>
      </Stack>
    </form>
  );
}
