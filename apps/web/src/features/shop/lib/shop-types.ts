// The shop API's payloads as the browser receives them, from the contracts (the server's truth).
import type {
  accountOrderPage,
  shippingOptions,
  shopAccount,
  shopAddress,
  shopAddressInput,
  shopSignupInput,
  shopSignupResult,
} from '@kontor/contracts';
import type { z } from 'zod';

export type {
  AccountOrder,
  CartLine,
  CheckoutDiscount,
  CheckoutInput,
  CheckoutResult,
  ShippingCountries,
  ShippingOption,
  ShopCart,
  ShopOrderStatus,
  ShopOrderSummary,
  ShopPaymentStatus,
} from '@kontor/contracts';

export type ShopAccount = z.infer<typeof shopAccount>;
export type ShopAddress = z.infer<typeof shopAddress>;
export type ShopAddressInput = z.input<typeof shopAddressInput>;
export type ShippingOptions = z.infer<typeof shippingOptions>;
export type AccountOrderPage = z.infer<typeof accountOrderPage>;
export type SignupInput = z.input<typeof shopSignupInput>;
export type SignupResult = z.infer<typeof shopSignupResult>;
