import type {
  CatalogPriceList,
  catalogCurrency,
  catalogListPrice,
  catalogLowStockRow,
  catalogPriceListPatch,
  catalogPriceSetInput,
  catalogSaleListInput,
  catalogVatRate,
} from '@kontor/contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../../app/api-client';
import { catalogPaths } from './catalog-paths';
import type { VariantPricesAnswer } from './products-api';
import { catalogKey, useCatalogMutation } from './taxonomy-api';

export type Currency = z.infer<typeof catalogCurrency>;
export type LowStockRow = z.infer<typeof catalogLowStockRow>;
export type VatRate = z.infer<typeof catalogVatRate>;
export type ListPrice = z.infer<typeof catalogListPrice>;
export type SaleListInput = z.input<typeof catalogSaleListInput>;
export type PriceListPatch = z.input<typeof catalogPriceListPatch>;
export type PriceSetInput = z.input<typeof catalogPriceSetInput>;

const priceListsKey = [...catalogKey, 'price-lists'] as const;

export function useCurrencies() {
  return useQuery({
    queryKey: [...catalogKey, 'currencies'],
    queryFn: ({ signal }) => api<{ currencies: Currency[] }>(catalogPaths.currencies, { signal }),
    select: (data) => [...data.currencies].sort((a, b) => a.position - b.position || a.code.localeCompare(b.code)),
    staleTime: 5 * 60_000,
  });
}

export function usePriceLists() {
  return useQuery({
    queryKey: priceListsKey,
    queryFn: ({ signal }) => api<{ priceLists: CatalogPriceList[] }>(catalogPaths.priceLists, { signal }),
    select: (data) => data.priceLists,
  });
}

/** The prices of one list, with the SKU and product each is for. */
export function useListPrices(listId: string) {
  return useQuery({
    queryKey: [...priceListsKey, listId, 'prices'],
    queryFn: ({ signal }) => api<{ prices: ListPrice[] }>(catalogPaths.priceListPrices(listId), { signal }),
    select: (data) => data.prices,
  });
}

/** Creates a campaign (a sale list), or changes a list: a new one has no id yet. */
export const useSaveSaleList = () =>
  useCatalogMutation((save: { id: null; input: SaleListInput } | { id: string; patch: PriceListPatch }) =>
    save.id === null
      ? api<CatalogPriceList>(catalogPaths.priceLists, { method: 'POST', body: save.input })
      : api<CatalogPriceList>(catalogPaths.priceList(save.id), { method: 'PATCH', body: save.patch }),
  );

export const useDeletePriceList = () =>
  useCatalogMutation((id: string) => api<void>(catalogPaths.priceList(id), { method: 'DELETE' }));

/** Replaces a variant's tiers in one list and currency: the API has no call for one price alone. */
export const useSetListPrices = (listId: string) =>
  useCatalogMutation((body: PriceSetInput) =>
    api<VariantPricesAnswer>(catalogPaths.priceListPrices(listId), { method: 'PUT', body }),
  );

/** A currency's exponent (2 for SEK), from the shop's currencies; 2 for one it does not list. */
export const exponentLookup = (currencies: Currency[] | undefined) => {
  const exponents = new Map((currencies ?? []).map((currency) => [currency.code, currency.exponent]));
  return (code: string) => exponents.get(code) ?? 2;
};

export function useLowStock() {
  return useQuery({
    queryKey: [...catalogKey, 'low-stock'],
    queryFn: ({ signal }) => api<{ items: LowStockRow[] }>(catalogPaths.lowStock, { signal }),
    select: (data) => data.items,
  });
}

export function useVatRates() {
  return useQuery({
    queryKey: [...catalogKey, 'vat-rates'],
    queryFn: ({ signal }) => api<{ rates: VatRate[] }>(catalogPaths.vatRates, { signal }),
    select: (data) => data.rates,
    staleTime: 60 * 60_000,
  });
}

/** The rate of each VAT class on a day (YYYY-MM-DD), in basis points: 2500 is 25 %. */
export function ratesOn(rates: VatRate[], day: string): Map<string, number> {
  const result = new Map<string, number>();
  for (const rate of rates) {
    if (rate.validFrom <= day && (rate.validTo === null || rate.validTo >= day)) result.set(rate.vatClass, rate.rateBp);
  }
  return result;
}
