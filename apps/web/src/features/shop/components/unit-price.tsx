import { useTranslation } from 'react-i18next';
import type { CartLine } from '../lib/shop-types';
import { useShopFormat } from './use-shop-format';

/**
 * A unit price; when reduced, the regular price struck through and the lowest price of the 30 days before the
 * reduction (the Swedish price information law asks for it next to every reduced price).
 */
export function UnitPrice({ line, currency }: { line: CartLine; currency: string }) {
  const { t } = useTranslation();
  const format = useShopFormat();
  const reduced = line.regularPriceMinor > line.unitPriceMinor;
  return (
    <span className="wg-unit-price">
      <span className={reduced ? 'wg-price-now wg-sale' : 'wg-price-now'}>
        {t('shop.cart.each', { price: format.money(line.unitPriceMinor, currency) })}
      </span>
      {reduced ? (
        <>
          {' '}
          <span className="wg-was">
            <span className="wg-vh">{t('shop.cart.regularPrice')} </span>
            <del>{format.money(line.regularPriceMinor, currency)}</del>
          </span>
          {line.lowestPrice30dMinor !== null ? (
            <span className="wg-lowest" style={{ display: 'block' }}>
              {t('shop.cart.lowest30d', { price: format.money(line.lowestPrice30dMinor, currency) })}
            </span>
          ) : null}
        </>
      ) : null}
    </span>
  );
}
