import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { saveLocale, useMe } from '../../auth/api/session';
import { useCart } from '../api/cart-api';
import { shopKey } from '../api/shop-paths';
import {
  initialShopLanguage,
  isShopLanguage,
  LANG_COOKIE,
  SHOP_LANGUAGES,
  type ShopLanguage,
  storefrontHref,
  writeCookie,
} from '../lib/shop-locale';
import '../shop.css';

const LANGUAGE_NAMES: Record<ShopLanguage, string> = { sv: 'Svenska', en: 'English' };

/**
 * The frame of the shop's own pages (cart, checkout, order, account): the same header and footer as the
 * server-rendered pages (apps/server/src/commerce/storefront/layout.ts), so the customer sees one shop. Links to
 * those pages are plain links: each is a full page load of server HTML.
 */
export function ShopLayout() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const { data: cart } = useCart();
  const language = i18n.language;

  // The language the server pages were read in (their ?lang= or cookie) carries over to these pages.
  useEffect(() => {
    const chosen = initialShopLanguage(window.location.search, document.cookie);
    if (chosen && chosen !== i18n.language) void i18n.changeLanguage(chosen);
  }, [i18n]);

  // A move to another of these pages is announced like a page load: the focus goes to the new content.
  const { pathname } = useLocation();
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    window.scrollTo(0, 0);
    document.getElementById('shop-main')?.focus();
  }, [pathname]);

  useEffect(() => {
    document.documentElement.classList.add('wg-shop-root');
    return () => document.documentElement.classList.remove('wg-shop-root');
  }, []);

  const choose = async (next: ShopLanguage) => {
    writeCookie(LANG_COOKIE, next);
    await i18n.changeLanguage(next);
    // Product names and shipping options come in the request's language: ask for them again.
    void queryClient.invalidateQueries({ queryKey: shopKey });
    if (me) await saveLocale(next).catch(() => undefined);
  };

  const count = cart?.totals.itemCount ?? 0;
  return (
    <div className="wg-shop">
      <a className="wg-skip" href="#shop-main">
        {t('shop.layout.skipToContent')}
      </a>
      <div className="wg-strip">
        <nav className="wg-langs" aria-label={t('shop.layout.language')}>
          {SHOP_LANGUAGES.map((code) => (
            <button
              key={code}
              type="button"
              lang={code}
              aria-pressed={language === code}
              data-testid={`shop-lang-${code}`}
              onClick={() => void choose(code)}
            >
              {LANGUAGE_NAMES[code]}
            </button>
          ))}
        </nav>
      </div>
      <header className="wg-top">
        <div className="wg-bar">
          <a className="wg-logo" href={storefrontHref('/shop', language)} data-testid="shop-logo">
            WestGear
          </a>
          <nav className="wg-tools" aria-label={t('shop.layout.account')}>
            <Link to="/shop/account" data-testid="shop-account-link">
              {t('shop.layout.account')}
            </Link>
            <Link to="/shop/cart" data-testid="shop-cart-link">
              {t('shop.layout.cart')}{' '}
              <span className="wg-count" aria-hidden="true" data-testid="shop-cart-count">
                {count}
              </span>
              <span className="wg-vh">{t('shop.layout.cartCount', { count })}</span>
            </Link>
          </nav>
        </div>
        {/* biome-ignore lint/a11y/useSemanticElements: the server pages' markup; <search> is too new for older phones. */}
        <form className="wg-search" role="search" method="get" action="/shop/search">
          {isShopLanguage(language) && language !== 'sv' ? <input type="hidden" name="lang" value={language} /> : null}
          <label htmlFor="wg-q" className="wg-vh">
            {t('shop.layout.searchLabel')}
          </label>
          <input
            id="wg-q"
            name="q"
            type="search"
            placeholder={t('shop.layout.searchPlaceholder')}
            autoComplete="off"
            enterKeyHint="search"
            data-testid="shop-search-input"
          />
          <button type="submit">{t('shop.layout.search')}</button>
        </form>
      </header>
      <main id="shop-main" className="wg-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="wg-foot">
        <section>
          <h2>{t('shop.layout.serviceTitle')}</h2>
          <p>{t('shop.layout.service')}</p>
        </section>
        <section>
          <h2>{t('shop.layout.withdrawalTitle')}</h2>
          <p>{t('shop.layout.withdrawal')}</p>
        </section>
        <section>
          <h2>{t('shop.layout.shippingTitle')}</h2>
          <p>{t('shop.layout.shipping')}</p>
        </section>
        <p className="wg-company">{t('shop.layout.company')}</p>
      </footer>
    </div>
  );
}
