import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShippingCountries } from '../api/checkout-api';
import type { AddressValues } from '../lib/checkout-form';
import { countryOptions } from '../lib/countries';

interface AddressFieldsProps {
  values: AddressValues;
  onChange: (values: AddressValues) => void;
  /** Error texts by the form's paths (`shippingAddress.city`); this address's are `<prefix>.<field>`, or bare. */
  errors: Record<string, string>;
  prefix: string;
  /** A billing or saved address names its recipient and company; the delivery address uses the customer's. */
  withName: boolean;
  withPhone?: boolean;
  /** Prefix of the inputs' data-testid: `<testId>-line1`. */
  testId: string;
}

const input = { input: { minHeight: 44 } };

/** A postal address, with the browser's autofill names so a phone fills it in one tap. */
export function AddressFields({ values, onChange, errors, prefix, withName, withPhone, testId }: AddressFieldsProps) {
  const { t, i18n } = useTranslation();
  const delivered = useShippingCountries().data?.countries;
  const countries = useMemo(
    () => countryOptions(i18n.language, delivered ?? [], [values.country]),
    [i18n.language, delivered, values.country],
  );
  const set = (field: keyof AddressValues) => (event: { currentTarget: { value: string } }) =>
    onChange({ ...values, [field]: event.currentTarget.value });
  const error = (field: string) => errors[prefix ? `${prefix}.${field}` : field];
  // Autofill sections keep a delivery and a billing address apart in the browser's memory.
  const section = prefix.startsWith('billing') ? 'billing' : 'shipping';
  return (
    <Stack gap="sm">
      {withName ? (
        <>
          <TextInput
            label={t('shop.address.name')}
            value={values.name}
            onChange={set('name')}
            error={error('name')}
            autoComplete={`section-${section} ${section} name`}
            withAsterisk
            data-testid={`${testId}-name`}
            styles={input}
          />
          <TextInput
            label={t('shop.address.company')}
            value={values.company}
            onChange={set('company')}
            error={error('company')}
            autoComplete={`section-${section} ${section} organization`}
            data-testid={`${testId}-company`}
            styles={input}
          />
        </>
      ) : null}
      <TextInput
        label={t('shop.address.line1')}
        value={values.line1}
        onChange={set('line1')}
        error={error('line1')}
        autoComplete={`section-${section} ${section} address-line1`}
        withAsterisk
        data-testid={`${testId}-line1`}
        styles={input}
      />
      <TextInput
        label={t('shop.address.line2')}
        value={values.line2}
        onChange={set('line2')}
        error={error('line2')}
        autoComplete={`section-${section} ${section} address-line2`}
        data-testid={`${testId}-line2`}
        styles={input}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label={t('shop.address.postalCode')}
          value={values.postalCode}
          onChange={set('postalCode')}
          error={error('postalCode')}
          autoComplete={`section-${section} ${section} postal-code`}
          inputMode={values.country === 'SE' ? 'numeric' : 'text'}
          withAsterisk
          data-testid={`${testId}-postal-code`}
          styles={input}
        />
        <TextInput
          label={t('shop.address.city')}
          value={values.city}
          onChange={set('city')}
          error={error('city')}
          autoComplete={`section-${section} ${section} address-level2`}
          withAsterisk
          data-testid={`${testId}-city`}
          styles={input}
        />
      </SimpleGrid>
      <NativeSelect
        label={t('shop.address.country')}
        value={values.country}
        onChange={set('country')}
        error={error('country')}
        data={countries}
        autoComplete={`section-${section} ${section} country`}
        withAsterisk
        data-testid={`${testId}-country`}
        styles={input}
      />
      {withPhone ? (
        <TextInput
          label={t('shop.address.phone')}
          type="tel"
          value={values.phone}
          onChange={set('phone')}
          error={error('phone')}
          autoComplete={`section-${section} ${section} tel`}
          data-testid={`${testId}-phone`}
          styles={input}
        />
      ) : null}
    </Stack>
  );
}
