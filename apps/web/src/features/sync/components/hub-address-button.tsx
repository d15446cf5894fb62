import { Button, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm, useForm } from '../../../app/form';
import { parseHubAddress, useSetUpstream } from '../api/sync-api';

/** "Change hub address": where this workstation finds its hub after the hub moved. */
export function HubAddressButton({ current }: { current: string | null }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const close = () => setOpened(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)} data-testid="node-upstream">
        {t('nodes.upstream.action')}
      </Button>
      <FormModal opened={opened} onClose={close} title={t('nodes.upstream.title')} size="md">
        <HubAddressForm current={current} onDone={close} />
      </FormModal>
    </>
  );
}

function HubAddressForm({ current, onDone }: { current: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const setUpstream = useSetUpstream();
  const invalid = t('nodes.upstream.invalid');
  const form = useForm({ url: current ?? '' }, setUpstream.error, { formatHints: { url: invalid } });
  // Judged from the first submit on, so the field is not called wrong while it is being typed.
  const [submitted, setSubmitted] = useState(false);
  const address = parseHubAddress(form.values.url);
  const field = form.text('url');
  const submit = () => {
    setSubmitted(true);
    if (address) setUpstream.mutate(address, { onSuccess: onDone });
  };
  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onDone}
      error={form.generalError}
      submitLabel={t('nodes.upstream.save')}
      submitTestId="node-upstream-submit"
      submitting={setUpstream.isPending}
    >
      <Text size="sm">{t('nodes.upstream.intro')}</Text>
      <TextInput
        {...field}
        error={submitted && !address ? invalid : field.error}
        type="url"
        label={t('nodes.upstream.url')}
        placeholder="https://hub.example.org"
        required
        data-autofocus
        data-testid="node-upstream-url"
      />
    </ModalForm>
  );
}
