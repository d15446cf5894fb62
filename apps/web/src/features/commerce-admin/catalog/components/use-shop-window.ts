import { useTranslation } from 'react-i18next';
import { formatShopTime } from '../api/shop-time';

/**
 * Words a validity window on the shop's clock: "1 juni 2026 10:00 – 30 juni 2026 23:59"; a window open at both
 * ends is "Always", or `unbounded` where that says more (a campaign's price holds for the whole campaign).
 */
export function useShopWindow() {
  const { t, i18n } = useTranslation();
  const at = (iso: string) => formatShopTime(i18n.language, iso);
  return (from: string | null, to: string | null, unbounded?: string): string => {
    if (from && to) return `${at(from)} – ${at(to)}`;
    if (from) return t('catalogAdmin.priceLists.fromOnly', { from: at(from) });
    if (to) return t('catalogAdmin.priceLists.untilOnly', { to: at(to) });
    return unbounded ?? t('catalogAdmin.priceLists.always');
  };
}
