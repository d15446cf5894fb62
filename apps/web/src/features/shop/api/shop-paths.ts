/**
 * The shop API this front end calls (packages/contracts/src/commerce-checkout.ts and commerce-orders.ts; the routes
 * in apps/server/src/commerce/checkout/ and orders/). Kept in one place so a renamed route is one edit.
 */
const segment = encodeURIComponent;

export const shopPaths = {
  cart: '/api/shop/cart',
  cartLine: (sku: string) => `/api/shop/cart/lines/${segment(sku)}`,
  cartCurrency: '/api/shop/cart/currency',
  cartDiscountCode: '/api/shop/cart/discount-code',
  shippingOptions: '/api/shop/shipping-options',
  shippingCountries: '/api/shop/shipping-countries',
  checkout: '/api/shop/checkout',
  /** A guest's view of an order, opened with the order's access token. */
  order: (id: string) => `/api/shop/orders/${segment(id)}`,
  /** Starts the payment of an unpaid order again (after a failed or cancelled one). */
  orderPayment: (id: string) => `/api/shop/orders/${segment(id)}/payment`,
  /** Back from the payment page: the server asks the provider now instead of waiting for its webhook. */
  orderPaymentRefresh: (id: string) => `/api/shop/orders/${segment(id)}/payment/refresh`,
  orderReceipt: (id: string, token: string) =>
    `/api/shop/orders/${segment(id)}/receipt.pdf?${new URLSearchParams({ token })}`,
  account: '/api/shop/account',
  accountOrders: '/api/shop/account/orders',
  accountOrder: (id: string) => `/api/shop/account/orders/${segment(id)}`,
  accountReceipt: (id: string) => `/api/shop/account/orders/${segment(id)}/receipt.pdf`,
  accountOrderPayment: (id: string) => `/api/shop/account/orders/${segment(id)}/payment`,
  accountAddresses: '/api/shop/account/addresses',
  accountAddress: (id: string) => `/api/shop/account/addresses/${segment(id)}`,
} as const;

/** Every cached answer of the shop starts with this key: a change of language or session asks again. */
export const shopKey = ['shop'] as const;
