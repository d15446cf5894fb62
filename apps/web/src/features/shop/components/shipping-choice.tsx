import { Loader, Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { countryName } from '../lib/countries';
import type { ShippingOptions } from '../lib/shop-types';
import { ShopProblemAlert } from './shop-problem';
import { useShopFormat } from './use-shop-format';

interface ShippingChoiceProps {
  country: string;
  options: ShippingOptions | undefined;
  loading: boolean;
  error: unknown;
  value: string;
  onChange: (code: string) => void;
  errorText: string | undefined;
}

/** The shipping options for the delivery country; bulky goods (boats, trailers) only by scheduled delivery. */
export function ShippingChoice({ country, options, loading, error, value, onChange, errorText }: ShippingChoiceProps) {
  const { t } = useTranslation();
  const format = useShopFormat();
  if (error) return <ShopProblemAlert error={error} />;
  if (!options) return loading ? <Loader size="sm" aria-label={t('common.loading')} /> : null;
  if (options.zone === null)
    return (
      <p className="wg-error-text" role="alert" data-testid="shipping-no-zone">
        {t('shop.checkout.noDelivery', { country: countryName(country, format.language) })}
      </p>
    );
  if (options.options.length === 0)
    return (
      <p className="wg-error-text" role="alert" data-testid="shipping-none">
        {t('shop.checkout.noOption')}
      </p>
    );
  return (
    <Radio.Group
      value={value}
      onChange={onChange}
      label={t('shop.checkout.shippingLabel')}
      error={errorText}
      withAsterisk
      data-testid="shipping-options"
    >
      {options.bulky ? <p className="wg-note">{t('shop.checkout.bulkyNote')}</p> : null}
      <Stack gap="xs" mt="xs">
        {options.options.map((option, index) => (
          <Radio.Card
            key={option.code}
            value={option.code}
            p="sm"
            radius="md"
            data-testid={`shipping-option-${option.code}`}
            aria-invalid={index === 0 && errorText ? true : undefined}
          >
            <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'flex-start' }}>
              <Radio.Indicator mt={3} />
              <div style={{ flex: 1 }}>
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: '0.5rem' }}>
                  <strong>{option.name}</strong>
                  <span style={{ whiteSpace: 'nowrap', fontWeight: 600 }}>
                    {option.amountMinor === 0
                      ? t('shop.checkout.free')
                      : format.money(option.amountMinor, options.currency)}
                  </span>
                </div>
                <div className="wg-line-meta">{option.carrier}</div>
                {option.description ? <div className="wg-line-meta">{option.description}</div> : null}
                {option.scheduled && !option.description ? (
                  <div className="wg-warn">{t('shop.checkout.scheduled')}</div>
                ) : null}
              </div>
            </div>
          </Radio.Card>
        ))}
      </Stack>
    </Radio.Group>
  );
}
