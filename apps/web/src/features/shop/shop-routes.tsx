import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { ShopLayout } from './components/shop-layout';
import { useShopTitle } from './components/use-shop-title';
import { storefrontHref } from './lib/shop-locale';
import { AccountOrderPage } from './pages/account-order-page';
import { AccountPage } from './pages/account-page';
import { CartPage } from './pages/cart-page';
import { CheckoutPage } from './pages/checkout-page';
import { OrderPage } from './pages/order-page';

function ShopNotFound() {
  const { t, i18n } = useTranslation();
  useShopTitle(t('shop.notFound.title'));
  return (
    <section data-testid="shop-not-found">
      <h1>{t('shop.notFound.title')}</h1>
      <p>{t('shop.notFound.text')}</p>
      <a href={storefrontHref('/shop', i18n.language)}>{t('shop.notFound.home')}</a>
    </section>
  );
}

/**
 * The shop's customer pages under /shop that need interaction: cart, checkout, order, account. The browsing pages
 * (/shop, /shop/c/…, /shop/search, /shop/p/…) are server-rendered and never reach this router.
 */
export function ShopRoutes() {
  return (
    <Routes>
      <Route element={<ShopLayout />}>
        <Route path="cart" element={<CartPage />} />
        <Route path="checkout" element={<CheckoutPage />} />
        {/* The payment provider returns to /shop/orders/:id (the server's link); /shop/order/:id is the same page. */}
        <Route path="orders/:id" element={<OrderPage />} />
        <Route path="order/:id" element={<OrderPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="account/orders/:id" element={<AccountOrderPage />} />
        <Route path="*" element={<ShopNotFound />} />
      </Route>
    </Routes>
  );
}
