/**
 * Where the catalog's admin API lives (apps/server/src/commerce/catalog/catalog-routes.ts and the search part's
 * rebuild). One place, so the pages never spell a URL themselves.
 */
const id = (value: string) => encodeURIComponent(value);
const base = '/api/commerce';

export const catalogPaths = {
  products: `${base}/products`,
  product: (productId: string) => `${base}/products/${id(productId)}`,
  productVariants: (productId: string) => `${base}/products/${id(productId)}/variants`,
  variant: (variantId: string) => `${base}/variants/${id(variantId)}`,
  variantFitments: (variantId: string) => `${base}/variants/${id(variantId)}/fitments`,
  variantStock: (variantId: string) => `${base}/variants/${id(variantId)}/stock`,
  variantPrices: (variantId: string) => `${base}/variants/${id(variantId)}/prices`,
  productMedia: (productId: string) => `${base}/products/${id(productId)}/media`,
  productMediaOrder: (productId: string) => `${base}/products/${id(productId)}/media/order`,
  media: (mediaId: string) => `${base}/media/${id(mediaId)}`,
  /** A picture's bytes for admins, of a draft product too (the shop's own URL serves published products only). */
  mediaContent: (mediaId: string) => `${base}/media/${id(mediaId)}`,
  brands: `${base}/brands`,
  brand: (brandId: string) => `${base}/brands/${id(brandId)}`,
  categories: `${base}/categories`,
  category: (categoryId: string) => `${base}/categories/${id(categoryId)}`,
  categoryMove: (categoryId: string) => `${base}/categories/${id(categoryId)}/move`,
  attributes: `${base}/attributes`,
  attribute: (key: string) => `${base}/attributes/${id(key)}`,
  currencies: `${base}/currencies`,
  vatRates: `${base}/vat-rates`,
  priceLists: `${base}/price-lists`,
  priceList: (listId: string) => `${base}/price-lists/${id(listId)}`,
  priceListPrices: (listId: string) => `${base}/price-lists/${id(listId)}/prices`,
  lowStock: `${base}/stock/low`,
  imports: `${base}/catalog/imports`,
  import: (importId: string) => `${base}/catalog/imports/${id(importId)}`,
  importApply: (importId: string) => `${base}/catalog/imports/${id(importId)}/apply`,
  export: `${base}/catalog/export`,
  searchRebuild: `${base}/search/rebuild`,
  /** The shop's own product page, where a published product can be seen as customers see it. */
  shopProduct: (slug: string) => `/shop/p/${id(slug)}`,
};

/** The back office's price lists: campaigns (sale lists) and their prices are edited there. */
export const PRICE_LISTS_PAGE = '/commerce/catalog/price-lists';
export const priceListPage = (listId: string) => `${PRICE_LISTS_PAGE}/${id(listId)}`;
