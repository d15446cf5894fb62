import { MultiSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, ModalForm } from '../../../../app/form';
import { pickText } from '../../catalog/api/translated';
import { allCountryOptions } from '../api/countries';
import { serverFieldErrors } from '../api/field-errors';
import { useSaveZone } from '../api/shipping-api';
import {
  draftToZoneBody,
  emptyZoneDraft,
  type ShippingZone,
  shippingFieldOf,
  type ZoneDraft,
  zoneToDraft,
} from '../api/shipping-draft';
import { useFormProblems } from './use-form-problems';

const FIELDS = new Set(['code', 'name.sv', 'name.en', 'countries', 'position']);

/** A new shipping zone (`zone` null) or an existing one: its code, name, countries and place in the list. */
export function ShippingZoneModal(props: { opened: boolean; zone: ShippingZone | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const title = props.zone
    ? t('commerceOps.shipping.editZoneTitle', { name: pickText(props.zone.name, i18n.language) })
    : t('commerceOps.shipping.newZoneTitle');
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title={title} size="lg">
      <ZoneForm zone={props.zone} onClose={props.onClose} />
    </FormModal>
  );
}

function ZoneForm({ zone, onClose }: { zone: ShippingZone | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<ZoneDraft>(() => (zone ? zoneToDraft(zone) : emptyZoneDraft));
  const save = useSaveZone();
  const result = draftToZoneBody(draft);
  const form = useFormProblems(
    save.error,
    () => result.problems ?? {},
    shippingFieldOf,
    (field) => FIELDS.has(field),
  );
  const countries = useMemo(() => allCountryOptions(i18n.language, draft.countries), [i18n.language, draft.countries]);
  const change = (patch: Partial<ZoneDraft>) => setDraft((previous) => ({ ...previous, ...patch }));
  // A country already in another zone is named by its place in the list sent: the form names the countries.
  const sent = save.variables?.body.countries ?? [];
  const taken = Object.values(serverFieldErrors(save.error, (path) => path))
    .filter((error) => error.code === 'country_in_other_zone')
    .map((error) => sent[Number(error.path.split('.')[1])])
    .filter(Boolean);
  const submit = () => {
    form.submitted();
    if (result.body) save.mutate({ id: zone?.id ?? null, body: result.body }, { onSuccess: onClose });
  };
  const name = (language: 'sv' | 'en') => ({
    value: draft.name[language] ?? '',
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      change({ name: { ...draft.name, [language]: event.currentTarget.value } }),
    error: form.errorAt(`name.${language}`),
  });
  return (
    <ModalForm
      onSubmit={submit}
      onCancel={onClose}
      error={form.generalError}
      submitLabel={zone ? t('common.save') : t('commerceOps.shipping.createZone')}
      submitTestId="zone-submit"
      submitting={save.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('commerceOps.rules.nameSv')}
          required
          data-autofocus
          {...name('sv')}
          data-testid="zone-name-sv"
        />
        <TextInput label={t('commerceOps.rules.nameEn')} required {...name('en')} data-testid="zone-name-en" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('commerceOps.shipping.code')}
          description={t('commerceOps.shipping.codeHint')}
          required
          autoComplete="off"
          value={draft.code}
          onChange={(event) => change({ code: event.currentTarget.value })}
          error={form.errorAt('code')}
          data-testid="zone-code"
        />
        <TextInput
          label={t('commerceOps.shipping.position')}
          description={t('commerceOps.shipping.positionHint')}
          inputMode="numeric"
          value={draft.position}
          onChange={(event) => change({ position: event.currentTarget.value })}
          error={form.errorAt('position')}
          data-testid="zone-position"
        />
      </SimpleGrid>
      <MultiSelect
        label={t('commerceOps.shipping.countries')}
        description={t('commerceOps.shipping.countriesHint')}
        data={countries}
        value={draft.countries}
        onChange={(codes) => change({ countries: codes })}
        searchable
        hidePickedOptions
        error={
          taken.length > 0
            ? t('commerceOps.shipping.problem.countryTaken', { countries: taken.join(', '), count: taken.length })
            : form.errorAt('countries')
        }
        data-testid="zone-countries"
      />
    </ModalForm>
  );
}
