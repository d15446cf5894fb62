import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatRate } from '../lib/money';

/** Money in a currency and VAT rates, in the language shown. */
export function useShopFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      money: (minor: number, currency: string) => formatMoney(minor, currency, language),
      rate: (rateBp: number) => formatRate(rateBp, language),
      date: (iso: string) => new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso)),
      language,
    }),
    [language],
  );
}
