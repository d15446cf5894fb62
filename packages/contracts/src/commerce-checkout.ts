// The shop's checkout API (docs/commerce.md); owned by the checkout part: cart, shipping options, checkout, and the
// admin API of shipping rate tables and discounts. Money is in minor units (öre, cents), VAT included (consumer
// prices); rates are basis points (2500 = 25 %).
import { z } from 'zod';

export const checkoutSku = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/, 'expected a SKU such as YAM-PROP-13X17');
/** 1 to 999 of a SKU per cart line; zero or fewer is refused, not taken as "remove". */
export const cartQuantity = z.number().int().min(1).max(999);
export const checkoutCurrency = z.string().regex(/^[A-Z]{3}$/, 'expected a currency code such as SEK');
export const checkoutCountry = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'expected a country code such as SE');
const minor = z.number().int();
const amountMinor = z.number().int().min(0).max(100_000_000_000);
const percentBp = z.number().int().min(1).max(10_000);
const code40 = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'expected lower-case letters, digits, - or _');
/** Amounts per currency, {"SEK": 10000, "EUR": 1000}. */
const perCurrency = z.record(checkoutCurrency, amountMinor);
const isoDate = z.iso.datetime({ offset: true });

// ---- Cart (public: guests and signed-in customers) ----

export const cartLineInput = z.strictObject({ sku: checkoutSku, quantity: cartQuantity });
export type CartLineInput = z.input<typeof cartLineInput>;
export const cartLineUpdate = z.strictObject({ quantity: cartQuantity });
export const cartLineParams = z.strictObject({ sku: checkoutSku });
export const cartCurrencyInput = z.strictObject({ currency: checkoutCurrency });
export const cartDiscountCodeInput = z.strictObject({ code: z.string().trim().min(1).max(40) });

export const checkoutVatByRate = z.object({
  rateBp: z.number().int(),
  /** The amount without VAT (Swedish "underlag"). */
  baseMinor: minor,
  vatMinor: minor,
});

export const cartLine = z.object({
  sku: z.string(),
  variantId: z.uuid(),
  productId: z.uuid(),
  name: z.string(),
  optionValues: z.record(z.string(), z.string()),
  quantity: z.number().int(),
  /** What one unit costs now (a sale price when a campaign price list applies). */
  unitPriceMinor: minor,
  /** The regular price; above unitPriceMinor when reduced. */
  regularPriceMinor: minor,
  /** Lowest price of the 30 days before the reduction (Swedish price information law); null when not reduced. */
  lowestPrice30dMinor: minor.nullable(),
  vatRateBp: z.number().int(),
  /** unitPriceMinor × quantity. */
  lineTotalMinor: minor,
  /** What the discounts below take off this line. */
  discountMinor: minor,
  totalMinor: minor,
  /** VAT of totalMinor: round(total × rate / (10000 + rate)), halves up. */
  vatMinor: minor,
  weightGrams: z.number().int(),
  bulky: z.boolean(),
  /** in_stock: all of it is there; backorder: some ships later; out_of_stock: checkout will refuse this quantity. */
  availability: z.object({
    status: z.enum(['in_stock', 'backorder', 'out_of_stock']),
    onHand: z.number().int(),
  }),
});
export type CartLine = z.infer<typeof cartLine>;

/** A line the shop cannot sell any more (unpublished, or no price in the cart's currency): remove it to check out. */
export const cartUnavailableLine = z.object({
  sku: z.string(),
  quantity: z.number().int(),
  reason: z.enum(['unknown_sku', 'no_price']),
});

export const checkoutDiscount = z.object({
  kind: z.enum(['campaign', 'volume', 'bundle', 'code']),
  id: z.uuid(),
  code: z.string().nullable(),
  /** The campaign's name in the request's language, or the code. */
  label: z.string(),
  amountMinor: minor,
  /** The share taken from each line (in proportion to what was left of it). */
  lines: z.array(z.object({ sku: z.string(), amountMinor: minor })),
  /** The VAT the discount removes, per rate of the lines it spans. */
  vatByRate: z.array(z.object({ rateBp: z.number().int(), amountMinor: minor, vatMinor: minor })),
});
export type CheckoutDiscount = z.infer<typeof checkoutDiscount>;

export const cartDiscountCodeRefusals = ['min_order', 'currency', 'expired', 'used_up', 'unknown'] as const;

export const shopCart = z.object({
  /** Null until the first line is added. */
  id: z.uuid().nullable(),
  currency: z.string(),
  /** The currencies the shop sells in (PUT /api/shop/cart/currency). */
  currencies: z.array(z.string()),
  lines: z.array(cartLine),
  unavailableLines: z.array(cartUnavailableLine),
  discounts: z.array(checkoutDiscount),
  /** The code in the cart and whether it takes effect now (reason when it does not). */
  discountCode: z
    .object({ code: z.string(), applied: z.boolean(), reason: z.enum(cartDiscountCodeRefusals).nullable() })
    .nullable(),
  totals: z.object({
    itemCount: z.number().int(),
    /** Goods before discounts. */
    subtotalMinor: minor,
    discountMinor: minor,
    /** Goods after discounts; shipping comes at checkout. */
    totalMinor: minor,
    vatMinor: minor,
    vatByRate: z.array(checkoutVatByRate),
    weightGrams: z.number().int(),
    /** A bulky item (a boat, a trailer) is in the cart: only scheduled delivery can take it. */
    bulky: z.boolean(),
  }),
});
export type ShopCart = z.infer<typeof shopCart>;

// ---- Shipping options (public) ----

export const shippingKinds = ['parcel', 'freight', 'scheduled'] as const;
export const shippingOptionsQuery = z.strictObject({ country: checkoutCountry });
export const shippingOption = z.object({
  code: z.string(),
  kind: z.enum(shippingKinds),
  carrier: z.string(),
  name: z.string(),
  description: z.string(),
  /** The customer is called to agree a delivery day (bulky goods). */
  scheduled: z.boolean(),
  amountMinor: minor,
  vatRateBp: z.number().int(),
  vatMinor: minor,
});
export type ShippingOption = z.infer<typeof shippingOption>;
export const shippingOptions = z.object({
  country: z.string(),
  /** The zone's code; null when the shop does not ship to the country. */
  zone: z.string().nullable(),
  currency: z.string(),
  weightGrams: z.number().int(),
  bulky: z.boolean(),
  options: z.array(shippingOption),
});

/** The countries the shop delivers to (zones with an active method), for the address forms. */
export const shippingCountries = z.object({ countries: z.array(z.string()) });
export type ShippingCountries = z.infer<typeof shippingCountries>;

// ---- Checkout (public) ----

const line = (max: number) => z.string().trim().min(1).max(max);
export const checkoutAddress = z.strictObject({
  name: line(200),
  company: z.string().trim().max(200).nullish(),
  line1: line(200),
  line2: z.string().trim().max(200).nullish(),
  postalCode: z.string().trim().min(2).max(12),
  city: line(100),
  country: checkoutCountry,
  phone: z.string().trim().max(40).nullish(),
});
export type CheckoutAddress = z.infer<typeof checkoutAddress>;

/**
 * What the customer sends to check out their cart. Strict: a price, total or amount in it is refused (400), since the
 * server prices the order from the cart alone. Send an `Idempotency-Key` header (≤ 255 characters, new for each
 * attempt, the same only to retry an attempt whose answer was lost).
 */
export const checkoutInput = z
  .strictObject({
    email: z.email().max(254),
    name: line(200),
    phone: z.string().trim().max(40).nullish(),
    customerKind: z.enum(['person', 'company']),
    companyName: z.string().trim().max(200).nullish(),
    orgNumber: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z -]{4,20}$/, 'expected an organisation number such as 556677-8899')
      .nullish(),
    shippingAddress: checkoutAddress,
    billingAddress: checkoutAddress.nullish(),
    /** A code from GET /api/shop/shipping-options for the shipping address's country. */
    shippingMethod: code40,
    acceptTerms: z.literal(true, { error: 'the terms must be accepted' }),
  })
  .superRefine((input, ctx) => {
    if (input.customerKind === 'company' && !input.companyName)
      ctx.addIssue({ code: 'custom', path: ['companyName'], message: 'a company needs its name' });
  });
export type CheckoutInput = z.input<typeof checkoutInput>;

export const checkoutResult = z.object({
  order: z.object({
    id: z.uuid(),
    number: z.number().int(),
    /** Opens the order's page and receipt without an account (guests). */
    accessToken: z.string(),
    currency: z.string(),
    totalMinor: minor,
  }),
  /**
   * started: send the customer to redirectUrl to pay. failed: the order is placed (state created) but the payment
   * provider could not be reached; the order page offers to pay again.
   */
  payment: z.object({
    status: z.enum(['started', 'failed']),
    provider: z.string().nullable(),
    redirectUrl: z.string().nullable(),
    message: z.string().nullable(),
  }),
});
export type CheckoutResult = z.infer<typeof checkoutResult>;

// ---- Admin: shipping rate tables (commerce.orders) ----

const text = (max: number) =>
  z
    .object({ sv: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) })
    .catchall(z.string().trim().max(max));
const optionalText = (max: number) => z.record(z.string().regex(/^[a-z]{2}$/), z.string().trim().max(max));

export const shippingZoneInput = z.strictObject({
  code: code40,
  name: text(100),
  /** A country belongs to one zone at most. */
  countries: z.array(checkoutCountry).max(250),
  position: z.number().int().min(0).max(10_000).default(0),
});
export const shippingMethodInput = z.strictObject({
  zoneId: z.uuid(),
  code: code40,
  kind: z.enum(shippingKinds),
  carrier: z.string().trim().min(1).max(60),
  name: text(100),
  description: optionalText(500).default({}),
  active: z.boolean().default(true),
  position: z.number().int().min(0).max(10_000).default(0),
});
export const shippingRate = z.strictObject({
  currency: checkoutCurrency,
  /** The heaviest cart (grams) this row prices; null: no upper bound. */
  maxWeightGrams: z.number().int().min(1).max(100_000_000).nullable(),
  amountMinor,
});
export const shippingRatesInput = z.strictObject({ rates: z.array(shippingRate).max(200) });

export const shippingMethodAdmin = shippingMethodInput.extend({
  id: z.uuid(),
  rates: z.array(shippingRate),
});
export const shippingZoneAdmin = shippingZoneInput.extend({
  id: z.uuid(),
  methods: z.array(shippingMethodAdmin),
});
export const shippingTables = z.object({ zones: z.array(shippingZoneAdmin) });
export type ShippingTables = z.infer<typeof shippingTables>;

// ---- Admin: discounts and campaigns (commerce.marketing) ----

const window = { startsAt: isoDate.nullish(), endsAt: isoDate.nullish() };

export const discountCodeInput = z
  .strictObject({
    /** Matched case-insensitively; shown as written here. */
    code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$/, 'expected 3–40 letters, digits, - or _'),
    description: z.string().trim().max(500).default(''),
    kind: z.enum(['percent', 'amount']),
    percentBp: percentBp.nullish(),
    amounts: perCurrency.default({}),
    /** The goods (after automatic discounts) must reach this, per currency; a currency not named has no minimum. */
    minOrder: perCurrency.default({}),
    ...window,
    usageLimit: z.number().int().min(1).nullish(),
    active: z.boolean().default(true),
  })
  .superRefine((input, ctx) => {
    if (input.kind === 'percent' && !input.percentBp)
      ctx.addIssue({ code: 'custom', path: ['percentBp'], message: 'a percentage code needs its percentage' });
    if (input.kind === 'amount' && Object.keys(input.amounts).length === 0)
      ctx.addIssue({ code: 'custom', path: ['amounts'], message: 'an amount code needs an amount in some currency' });
    if (input.startsAt && input.endsAt && Date.parse(input.endsAt) <= Date.parse(input.startsAt))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
  });
export const discountCode = z.object({
  id: z.uuid(),
  code: z.string(),
  description: z.string(),
  kind: z.enum(['percent', 'amount']),
  percentBp: z.number().int().nullable(),
  amounts: z.record(z.string(), z.number().int()),
  minOrder: z.record(z.string(), z.number().int()),
  startsAt: z.iso.datetime().nullable(),
  endsAt: z.iso.datetime().nullable(),
  usageLimit: z.number().int().nullable(),
  usedCount: z.number().int(),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type DiscountCode = z.infer<typeof discountCode>;
export const discountCodeList = z.object({ codes: z.array(discountCode) });

const ruleCommon = { name: text(120), active: z.boolean().default(true) };
export const discountRuleInput = z.discriminatedUnion('kind', [
  /** Percent off a category (and its subcategories) or a brand, in a window. */
  z.strictObject({
    kind: z.literal('campaign'),
    ...ruleCommon,
    percentBp,
    target: z.union([z.strictObject({ categoryId: z.uuid() }), z.strictObject({ brandId: z.uuid() })]),
    startsAt: isoDate,
    endsAt: isoDate,
  }),
  /** At least `minQuantity` units of a product (any variant) or of a category → percent off those lines. */
  z.strictObject({
    kind: z.literal('volume'),
    ...ruleCommon,
    percentBp,
    minQuantity: z.number().int().min(2).max(999),
    target: z.union([z.strictObject({ productId: z.uuid() }), z.strictObject({ categoryId: z.uuid() })]),
    ...window,
  }),
  /** All these products in the cart together → this amount off per complete set. */
  z.strictObject({
    kind: z.literal('bundle'),
    ...ruleCommon,
    productIds: z.array(z.uuid()).min(2).max(5),
    amounts: perCurrency.refine((amounts) => Object.keys(amounts).length > 0, 'name an amount in some currency'),
    ...window,
  }),
]);
export type DiscountRuleInput = z.input<typeof discountRuleInput>;
export const discountRule = z.object({
  id: z.uuid(),
  kind: z.enum(['campaign', 'volume', 'bundle']),
  name: z.record(z.string(), z.string()),
  active: z.boolean(),
  startsAt: z.iso.datetime().nullable(),
  endsAt: z.iso.datetime().nullable(),
  percentBp: z.number().int().nullable(),
  minQuantity: z.number().int().nullable(),
  target: z
    .object({ categoryId: z.uuid().optional(), brandId: z.uuid().optional(), productId: z.uuid().optional() })
    .nullable(),
  productIds: z.array(z.uuid()).nullable(),
  amounts: z.record(z.string(), z.number().int()).nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type DiscountRule = z.infer<typeof discountRule>;
export const discountRuleList = z.object({ rules: z.array(discountRule) });
