import { useTranslation } from 'react-i18next';
import type { LineProblem } from '../lib/shop-problems';
import type { ShippingOption, ShopCart } from '../lib/shop-types';
import { checkoutTotals } from '../lib/totals';
import { AvailabilityNote, optionText } from './cart-line-item';
import { shopCodeText } from './shop-problem';
import { TotalsTable } from './totals-table';
import { useShopFormat } from './use-shop-format';

interface CheckoutSummaryProps {
  cart: ShopCart;
  shipping: ShippingOption | null;
  problems: Map<string, LineProblem>;
}

/** What is being bought and what it costs, VAT per rate and discounts included (as the receipt will say). */
export function CheckoutSummary({ cart, shipping, problems }: CheckoutSummaryProps) {
  const { t } = useTranslation();
  const format = useShopFormat();
  const totals = checkoutTotals(cart.totals, shipping);
  return (
    <div data-testid="checkout-summary">
      <ul className="wg-lines">
        {cart.lines.map((line) => {
          const problem = problems.get(line.sku);
          const options = optionText(line.optionValues);
          return (
            <li key={line.sku} className="wg-line" data-testid={`summary-line-${line.sku}`}>
              <div>
                <p className="wg-line-name">
                  {line.quantity} × {line.name}
                </p>
                {options ? <p className="wg-line-meta">{options}</p> : null}
                <p className="wg-line-meta">
                  {t('shop.cart.sku')} {line.sku}
                </p>
                {/* The checkout's own answer about the line replaces what the cart said before it. */}
                {problem ? null : <AvailabilityNote line={line} />}
                {problem ? (
                  <p className="wg-error-text" data-testid={`summary-line-problem-${line.sku}`}>
                    {problem.available !== null
                      ? t('shop.cart.onlyInStock', { count: problem.available })
                      : (shopCodeText(t, problem.code) ?? t('shop.problems.line'))}
                  </p>
                ) : null}
              </div>
              <div className="wg-line-total">{format.money(line.lineTotalMinor, cart.currency)}</div>
            </li>
          );
        })}
      </ul>
      <div style={{ marginTop: '0.75rem' }}>
        <TotalsTable
          testId="checkout-totals"
          currency={cart.currency}
          subtotalMinor={cart.totals.subtotalMinor}
          discounts={cart.discounts}
          shipping={shipping ? { label: shipping.name, amountMinor: shipping.amountMinor } : null}
          totalMinor={totals.totalMinor}
          vatByRate={totals.vatByRate}
        />
      </div>
    </div>
  );
}
