import { useCurrencies } from '../../catalog/api/prices-api';

/**
 * The shop's currencies as GET /api/commerce/currencies lists them, in their order: `sold` are the active ones
 * (what a new amount may be in), `all` every one (what older records and reports may name).
 */
export function useShopCurrencies() {
  const currencies = useCurrencies();
  const list = currencies.data ?? [];
  return {
    sold: list.filter((currency) => currency.active).map((currency) => currency.code),
    all: list.map((currency) => currency.code),
    isPending: currencies.isPending,
    error: currencies.error,
  };
}
