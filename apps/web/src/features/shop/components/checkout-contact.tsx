import { Group, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CheckoutValues } from '../lib/checkout-form';

interface CheckoutContactProps {
  values: CheckoutValues;
  set: <K extends keyof CheckoutValues>(key: K, value: CheckoutValues[K]) => void;
  errors: Record<string, string>;
}

const input = { input: { minHeight: 44 } };

/** Who buys: a person or a company (with its name and organisation number), and how to reach them. */
export function CheckoutContact({ values, set, errors }: CheckoutContactProps) {
  const { t } = useTranslation();
  const text = (key: 'email' | 'name' | 'phone' | 'companyName' | 'orgNumber') => ({
    value: values[key],
    onChange: (event: { currentTarget: { value: string } }) => set(key, event.currentTarget.value),
    error: errors[key],
    styles: input,
  });
  return (
    <Stack gap="sm">
      <Radio.Group
        value={values.customerKind}
        onChange={(kind) => set('customerKind', kind === 'company' ? 'company' : 'person')}
        label={t('shop.checkout.buyingAs')}
      >
        <Group gap="lg" mt={6}>
          <Radio value="person" label={t('shop.checkout.person')} size="md" data-testid="checkout-kind-person" />
          <Radio value="company" label={t('shop.checkout.company')} size="md" data-testid="checkout-kind-company" />
        </Group>
      </Radio.Group>
      {values.customerKind === 'company' ? (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('shop.checkout.companyName')}
            autoComplete="organization"
            withAsterisk
            data-testid="checkout-company-name"
            {...text('companyName')}
          />
          <TextInput
            label={t('shop.checkout.orgNumber')}
            description={t('shop.checkout.orgNumberHint')}
            data-testid="checkout-org-number"
            {...text('orgNumber')}
          />
        </SimpleGrid>
      ) : null}
      <TextInput
        label={values.customerKind === 'company' ? t('shop.checkout.contactName') : t('shop.checkout.name')}
        autoComplete="name"
        withAsterisk
        data-testid="checkout-name"
        {...text('name')}
      />
      <TextInput
        label={t('shop.checkout.email')}
        description={t('shop.checkout.emailHint')}
        type="email"
        autoComplete="email"
        inputMode="email"
        withAsterisk
        data-testid="checkout-email"
        {...text('email')}
      />
      <TextInput
        label={t('shop.checkout.phone')}
        description={t('shop.checkout.phoneHint')}
        type="tel"
        autoComplete="tel"
        data-testid="checkout-phone"
        {...text('phone')}
      />
    </Stack>
  );
}
