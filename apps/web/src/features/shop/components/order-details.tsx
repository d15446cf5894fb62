import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { countryName } from '../lib/countries';
import type { AccountOrder, ShopOrderStatus } from '../lib/shop-types';
import { optionText } from './cart-line-item';
import { TotalsTable } from './totals-table';
import { useShopFormat } from './use-shop-format';

type Address = AccountOrder['billingAddress'];

/** The order's state as a pill; its colours come from shop.css (dark text on a light ground, ≥ 4.5:1). */
export function OrderStatusBadge({ status, testId }: { status: ShopOrderStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className="wg-badge" data-testid={testId} data-status={status}>
      {t(`shop.orderStatus.${status}`)}
    </span>
  );
}

function AddressBlock({ address }: { address: Address }) {
  const { i18n } = useTranslation();
  const lines = [
    address.name,
    address.company,
    address.line1,
    address.line2,
    `${address.postalCode} ${address.city}`,
    countryName(address.country, i18n.language),
    address.phone,
  ].filter(Boolean);
  return <address className="wg-address">{lines.join('\n')}</address>;
}

/** An order as the customer sees it: lines, totals with VAT per rate, delivery and billing. */
export function OrderDetails({ order }: { order: AccountOrder }) {
  const { t } = useTranslation();
  const format = useShopFormat();
  const money = (minor: number) => format.money(minor, order.currency);
  return (
    <div className="wg-columns">
      <section aria-labelledby="order-lines-title">
        <h2 id="order-lines-title">{t('shop.order.linesTitle')}</h2>
        <ul className="wg-lines" data-testid="order-lines">
          {order.lines.map((line) => {
            const options = optionText(line.optionValues);
            return (
              <li key={line.position} className="wg-line" data-testid={`order-line-${line.sku}`}>
                <div>
                  <p className="wg-line-name">
                    {line.quantity} × {line.name}
                  </p>
                  {options ? <p className="wg-line-meta">{options}</p> : null}
                  <p className="wg-line-meta">
                    {t('shop.cart.sku')} {line.sku} · {t('shop.cart.each', { price: money(line.unitPriceMinor) })}
                  </p>
                  {line.backordered > 0 ? (
                    <p className="wg-warn">{t('shop.order.backordered', { count: line.backordered })}</p>
                  ) : null}
                </div>
                <div className="wg-line-total">{money(line.totalMinor + line.discountMinor)}</div>
              </li>
            );
          })}
        </ul>
        <SimpleGrid cols={{ base: 1, xs: 2 }} mt="lg" spacing="lg">
          <div>
            <h3>{t('shop.order.deliveryTitle')}</h3>
            <p style={{ margin: '0 0 0.5rem' }}>{order.shipping.name}</p>
            <AddressBlock address={order.shipping.address} />
            {order.shipping.scheduled ? <p className="wg-note">{t('shop.checkout.scheduled')}</p> : null}
            {order.trackingNumber ? (
              <p data-testid="order-tracking">{t('shop.order.tracking', { number: order.trackingNumber })}</p>
            ) : null}
          </div>
          <div>
            <h3>{t('shop.order.billingTitle')}</h3>
            {order.customerKind === 'company' && order.companyName ? (
              <p style={{ margin: '0 0 0.5rem' }}>
                {order.companyName}
                {order.orgNumber ? ` (${order.orgNumber})` : ''}
              </p>
            ) : null}
            <AddressBlock address={order.billingAddress} />
            <p className="wg-line-meta">{order.email}</p>
          </div>
        </SimpleGrid>
      </section>
      <section className="wg-panel" aria-labelledby="order-totals-title">
        <h2 id="order-totals-title">{t('shop.order.totalsTitle')}</h2>
        <TotalsTable
          testId="order-totals"
          currency={order.currency}
          subtotalMinor={order.totals.subtotalMinor}
          discounts={
            order.totals.discountMinor > 0
              ? [
                  {
                    label: order.discountCode
                      ? t('shop.discount.code', { code: order.discountCode })
                      : t('shop.totals.discounts'),
                    amountMinor: order.totals.discountMinor,
                  },
                ]
              : []
          }
          shipping={{ label: order.shipping.name, amountMinor: order.totals.shippingMinor }}
          totalMinor={order.totals.totalMinor}
          vatByRate={order.totals.vatByRate}
        />
      </section>
    </div>
  );
}
