import { shippingKinds } from '@kontor/contracts';
import { Select, SimpleGrid, Switch, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm } from '../../../../app/form';
import { pickText } from '../../catalog/api/translated';
import { useSaveMethod } from '../api/shipping-api';
import {
  draftToMethodBody,
  emptyMethodDraft,
  type MethodDraft,
  methodToDraft,
  type ShippingKind,
  type ShippingMethod,
  type ShippingZone,
  shippingFieldOf,
} from '../api/shipping-draft';
import { useFormProblems } from './use-form-problems';

const FIELDS = new Set([
  'zoneId',
  'code',
  'kind',
  'carrier',
  'name.sv',
  'name.en',
  'description.sv',
  'description.en',
  'position',
]);

interface ShippingMethodModalProps {
  opened: boolean;
  /** The method to change, or null for a new one in `zoneId`. */
  method: ShippingMethod | null;
  zoneId: string;
  zones: ShippingZone[];
  onClose: () => void;
}

export function ShippingMethodModal(props: ShippingMethodModalProps) {
  const { t, i18n } = useTranslation();
  const title = props.method
    ? t('commerceOps.shipping.editMethodTitle', { name: pickText(props.method.name, i18n.language) })
    : t('commerceOps.shipping.newMethodTitle');
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title={title} size="lg">
      <MethodForm {...props} />
    </FormModal>
  );
}

/** A way of shipping in a zone: its kind (parcel, freight, scheduled delivery of bulky goods), carrier and texts. */
function MethodForm({ method, zoneId, zones, onClose }: ShippingMethodModalProps) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<MethodDraft>(() => (method ? methodToDraft(method) : emptyMethodDraft(zoneId)));
  const save = useSaveMethod();
  const result = draftToMethodBody(draft);
  const form = useFormProblems(
    save.error,
    () => result.problems ?? {},
    shippingFieldOf,
    (field) => FIELDS.has(field),
  );
  const change = (patch: Partial<MethodDraft>) => setDraft((previous) => ({ ...previous, ...patch }));
  const submit = () => {
    form.submitted();
    if (result.body) save.mutate({ id: method?.id ?? null, body: result.body }, { onSuccess: onClose });
  };
  const translated = (field: 'name' | 'description', language: 'sv' | 'en') => ({
    value: draft[field][language] ?? '',
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      change({ [field]: { ...draft[field], [language]: event.currentTarget.value } }),
    error: form.errorAt(`${field}.${language}`),
  });
  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={form.generalError}
      submitLabel={method ? t('common.save') : t('commerceOps.shipping.createMethod')}
      submitTestId="method-submit"
      submitting={save.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('commerceOps.rules.nameSv')}
          required
          data-autofocus
          {...translated('name', 'sv')}
          data-testid="method-name-sv"
        />
        <TextInput
          label={t('commerceOps.rules.nameEn')}
          required
          {...translated('name', 'en')}
          data-testid="method-name-en"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('commerceOps.shipping.kind')}
          data={shippingKinds.map((kind) => ({ value: kind, label: t(`commerceOps.shipping.kinds.${kind}`) }))}
          value={draft.kind}
          onChange={(kind) => kind && change({ kind: kind as ShippingKind })}
          allowDeselect={false}
          description={t(`commerceOps.shipping.kindHints.${draft.kind}`)}
          error={form.errorAt('kind')}
          data-testid="method-kind"
        />
        <TextInput
          label={t('commerceOps.shipping.carrier')}
          required
          value={draft.carrier}
          onChange={(event) => change({ carrier: event.currentTarget.value })}
          error={form.errorAt('carrier')}
          data-testid="method-carrier"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Textarea
          label={t('commerceOps.shipping.descriptionSv')}
          autosize
          minRows={2}
          {...translated('description', 'sv')}
          data-testid="method-description-sv"
        />
        <Textarea
          label={t('commerceOps.shipping.descriptionEn')}
          autosize
          minRows={2}
          {...translated('description', 'en')}
          data-testid="method-description-en"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('commerceOps.shipping.code')}
          description={t('commerceOps.shipping.methodCodeHint')}
          required
          autoComplete="off"
          value={draft.code}
          onChange={(event) => change({ code: event.currentTarget.value })}
          error={form.errorAt('code')}
          data-testid="method-code"
        />
        <Select
          label={t('commerceOps.shipping.zone')}
          data={zones.map((zone) => ({ value: zone.id, label: pickText(zone.name, i18n.language) }))}
          value={draft.zoneId || null}
          onChange={(id) => id && change({ zoneId: id })}
          allowDeselect={false}
          error={form.errorAt('zoneId')}
          data-testid="method-zone"
        />
        <TextInput
          label={t('commerceOps.shipping.position')}
          inputMode="numeric"
          value={draft.position}
          onChange={(event) => change({ position: event.currentTarget.value })}
          error={form.errorAt('position')}
          data-testid="method-position"
        />
      </SimpleGrid>
      <Switch
        label={t('commerceOps.shipping.offered')}
        checked={draft.active}
        onChange={(event) => change({ active: event.currentTarget.checked })}
        data-testid="method-active"
      />
    </ModalForm>
  );
}
