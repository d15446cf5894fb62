import { Anchor, Checkbox, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface TermsAcceptanceProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  error: string | undefined;
}

/** The purchase terms, readable in place, and the 14-day right of withdrawal the customer must be told of. */
export function TermsAcceptance({ checked, onChange, error }: TermsAcceptanceProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Stack gap="xs">
      <Checkbox
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
        error={error}
        aria-invalid={error ? true : undefined}
        size="md"
        label={t('shop.terms.accept')}
        data-testid="checkout-accept-terms"
      />
      <Anchor
        component="button"
        type="button"
        onClick={() => setOpen(true)}
        ta="left"
        data-testid="checkout-terms-link"
      >
        {t('shop.terms.read')}
      </Anchor>
      <Text size="sm" c="dimmed" data-testid="checkout-withdrawal">
        {t('shop.terms.withdrawal')}
      </Text>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('shop.terms.title')} size="lg">
        <Stack gap="sm">
          <Text>{t('shop.terms.seller')}</Text>
          <Text>{t('shop.terms.prices')}</Text>
          <Text>{t('shop.terms.delivery')}</Text>
          <Text>{t('shop.terms.withdrawal')}</Text>
          <Text>{t('shop.terms.complaints')}</Text>
        </Stack>
      </Modal>
    </Stack>
  );
}
