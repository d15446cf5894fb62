import { Button, Center, List, Loader, NativeSelect, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCart, useRemoveLine, useSetCurrency, useSetQuantity } from '../api/cart-api';
import { CartLineItem } from '../components/cart-line-item';
import { DiscountCodeForm } from '../components/discount-code-form';
import { ShopProblemAlert } from '../components/shop-problem';
import { TotalsTable } from '../components/totals-table';
import { useShopTitle } from '../components/use-shop-title';
import { CURRENCY_COOKIE, storefrontHref, writeCookie } from '../lib/shop-locale';
import type { ShopCart } from '../lib/shop-types';

/** Lines the shop cannot sell any more: they must go before checkout. */
function UnavailableLines({ cart, onRemove }: { cart: ShopCart; onRemove: (sku: string) => void }) {
  const { t } = useTranslation();
  if (cart.unavailableLines.length === 0) return null;
  return (
    <div className="wg-note" role="alert" data-testid="cart-unavailable">
      <p style={{ margin: 0, fontWeight: 600 }}>{t('shop.cart.unavailableTitle')}</p>
      <List spacing="xs" mt="xs">
        {cart.unavailableLines.map((line) => (
          <List.Item key={line.sku} data-testid={`cart-unavailable-${line.sku}`}>
            {line.reason === 'no_price'
              ? t('shop.cart.noPrice', { sku: line.sku, currency: cart.currency })
              : t('shop.cart.notSold', { sku: line.sku })}{' '}
            <Button variant="subtle" size="compact-sm" color="red" onClick={() => onRemove(line.sku)}>
              {t('shop.cart.remove')}
            </Button>
          </List.Item>
        ))}
      </List>
    </div>
  );
}

export function CartPage() {
  const { t, i18n } = useTranslation();
  useShopTitle(t('shop.cart.title'));
  const cart = useCart();
  const setQuantity = useSetQuantity();
  const removeLine = useRemoveLine();
  const setCurrency = useSetCurrency();
  // The last change that failed, shown above the lines until the next change.
  const [failed, setFailed] = useState<unknown>(null);
  const onError = (error: unknown) => setFailed(error);
  const busy = setQuantity.isPending || removeLine.isPending || setCurrency.isPending;

  if (cart.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (cart.error) return <ShopProblemAlert error={cart.error} testId="cart-error" />;
  const data = cart.data;
  const shopHome = storefrontHref('/shop', i18n.language);

  if (data.lines.length === 0 && data.unavailableLines.length === 0) {
    return (
      <section data-testid="cart-empty">
        <h1>{t('shop.cart.title')}</h1>
        <p>{t('shop.cart.empty')}</p>
        <Button component="a" href={shopHome} mih={44}>
          {t('shop.cart.continueShopping')}
        </Button>
      </section>
    );
  }

  const blocked =
    data.unavailableLines.length > 0 || data.lines.some((line) => line.availability.status === 'out_of_stock');
  const remove = (sku: string) => {
    setFailed(null);
    removeLine.mutate(sku, { onError });
  };

  return (
    <div>
      <h1>{t('shop.cart.title')}</h1>
      <ShopProblemAlert error={failed} testId="cart-problem" />
      <div className="wg-columns">
        <section aria-labelledby="cart-lines-title">
          <h2 id="cart-lines-title" className="wg-vh">
            {t('shop.cart.linesTitle')}
          </h2>
          <UnavailableLines cart={data} onRemove={remove} />
          <ul className="wg-lines" data-testid="cart-lines">
            {data.lines.map((line) => (
              <CartLineItem
                key={line.sku}
                line={line}
                currency={data.currency}
                busy={busy}
                onQuantity={(quantity) => {
                  setFailed(null);
                  setQuantity.mutate({ sku: line.sku, quantity }, { onError });
                }}
                onRemove={() => remove(line.sku)}
              />
            ))}
          </ul>
          <p style={{ marginTop: '1rem' }}>
            <a href={shopHome}>{t('shop.cart.continueShopping')}</a>
          </p>
        </section>
        <section aria-labelledby="cart-summary-title" className="wg-panel">
          <h2 id="cart-summary-title">{t('shop.cart.summaryTitle')}</h2>
          <Stack gap="md">
            {data.currencies.length > 1 ? (
              <NativeSelect
                label={t('shop.cart.currency')}
                value={data.currency}
                data={data.currencies}
                onChange={(event) => {
                  const currency = event.currentTarget.value;
                  setFailed(null);
                  // The product pages show the same currency from now on.
                  writeCookie(CURRENCY_COOKIE, currency);
                  setCurrency.mutate(currency, { onError });
                }}
                data-testid="cart-currency"
                styles={{ input: { minHeight: 44 } }}
              />
            ) : null}
            <DiscountCodeForm cart={data} />
            <TotalsTable
              testId="cart-totals"
              currency={data.currency}
              subtotalMinor={data.totals.subtotalMinor}
              discounts={data.discounts}
              shipping={null}
              totalMinor={data.totals.totalMinor}
              vatByRate={data.totals.vatByRate}
            />
            {data.totals.bulky ? <p className="wg-note">{t('shop.cart.bulkyNote')}</p> : null}
            {blocked ? (
              <p className="wg-error-text" data-testid="cart-blocked">
                {t('shop.cart.blocked')}
              </p>
            ) : null}
            {blocked ? (
              <Button size="lg" fullWidth disabled data-testid="cart-checkout">
                {t('shop.cart.checkout')}
              </Button>
            ) : (
              <Button component={Link} to="/shop/checkout" size="lg" fullWidth data-testid="cart-checkout">
                {t('shop.cart.checkout')}
              </Button>
            )}
          </Stack>
        </section>
      </div>
    </div>
  );
}
