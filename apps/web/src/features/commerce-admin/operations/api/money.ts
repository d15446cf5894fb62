import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinor, parseMinor } from '../../catalog/api/money';

/** How many decimals a currency has (2 for SEK and EUR, 0 for JPY), as Intl knows it; 2 for a code it does not. */
export function currencyExponent(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Typed text as minor units of the currency, or null when it is no amount. */
export const parseAmount = (text: string, currency: string) => parseMinor(text, currencyExponent(currency));

/** Money in the order's currency and the user's language: `money(123450, 'SEK')` → "1 234,50 kr". */
export function useMoney() {
  const { i18n } = useTranslation();
  return useMemo(
    () => (minor: number, currency: string) => formatMinor(i18n.language, minor, currency, currencyExponent(currency)),
    [i18n.language],
  );
}

/** A VAT rate in basis points as a percentage: 2500 → "25 %". */
export function useRate() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 2 });
    return (basisPoints: number) => percent.format(basisPoints / 10_000);
  }, [i18n.language]);
}
