import type { CrmClient } from '@kontor/contracts';
import { Alert, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm, useForm } from '../../../app/form';
import { type ClientDraft, clientDraft, clientInput, clientPatch, emptyClientDraft } from '../api/client-draft';
import { useClient, useCreateClient, useUpdateClient } from '../api/clients-api';
import { isStaleVersion } from '../api/crm-problems';
import { CrmProblemAlert } from './crm-alerts';

type ClientForm = ReturnType<typeof useForm<ClientDraft>>;

function ClientFields({ form }: { form: ClientForm }) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('crm.clients.name')}
        {...form.text('name')}
        withAsterisk
        data-autofocus
        data-testid="crm-client-name"
      />
      <TextInput type="email" label={t('crm.clients.email')} {...form.text('email')} data-testid="crm-client-email" />
      <TextInput type="tel" label={t('crm.clients.phone')} {...form.text('phone')} data-testid="crm-client-phone" />
      <TextInput label={t('crm.clients.orgNumber')} {...form.text('orgNumber')} data-testid="crm-client-org-number" />
      <TextInput label={t('crm.clients.city')} {...form.text('city')} data-testid="crm-client-city" />
    </>
  );
}

export function ClientCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('crm.clients.createTitle')} size="md">
      <ClientCreateForm onClose={onClose} />
    </FormModal>
  );
}

function ClientCreateForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateClient();
  const form = useForm(emptyClientDraft, create.error, { kinds: { email: 'email' } });
  return (
    <ModalForm
      onSubmit={() => create.mutate(clientInput(form.values), { onSuccess: onClose })}
      onCancel={onClose}
      error={null}
      submitLabel={t('crm.clients.create')}
      submitTestId="crm-client-submit"
      submitting={create.isPending}
    >
      <CrmProblemAlert error={form.generalError} />
      <ClientFields form={form} />
    </ModalForm>
  );
}

export function ClientEditModal({ client, onClose }: { client: CrmClient | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={client !== null}
      onClose={onClose}
      title={client ? t('crm.clients.editTitle', { name: client.name }) : ''}
      size="md"
    >
      {client ? <ClientEditForm key={client.ref} initial={client} onClose={onClose} /> : null}
    </FormModal>
  );
}

/**
 * Edits the client as the server has it now. When someone else saved first the server refuses (409), the client
 * is read again and the form starts over from it (keyed by version) with the refusal still explained above.
 */
function ClientEditForm({ initial, onClose }: { initial: CrmClient; onClose: () => void }) {
  const client = useClient(initial.ref, initial).data ?? initial;
  const update = useUpdateClient();
  return <ClientEditFields key={client.version} client={client} update={update} onClose={onClose} />;
}

interface ClientEditFieldsProps {
  client: CrmClient;
  update: ReturnType<typeof useUpdateClient>;
  onClose: () => void;
}

function ClientEditFields({ client, update, onClose }: ClientEditFieldsProps) {
  const { t } = useTranslation();
  const form = useForm(clientDraft(client), update.error, { kinds: { email: 'email' } });
  return (
    <ModalForm
      onSubmit={() =>
        update.mutate({ ref: client.ref, patch: clientPatch(client, form.values) }, { onSuccess: onClose })
      }
      onCancel={onClose}
      error={null}
      submitLabel={t('common.save')}
      submitTestId="crm-client-submit"
      submitting={update.isPending}
    >
      {/* A stale version names the field `version`, which the form does not show: it is said above the fields. */}
      <CrmProblemAlert error={isStaleVersion(update.error) ? update.error : form.generalError} editing />
      {client.source === 'legacy' ? (
        <Alert color="blue" variant="light" data-testid="crm-client-legacy-note">
          {t('crm.clients.legacyNote')}
        </Alert>
      ) : null}
      <ClientFields form={form} />
    </ModalForm>
  );
}
