// The shop's orders API (docs/commerce.md); owned by the orders part: orders and their history, payments, refunds,
// customers and their account pages, reports.
import { z } from 'zod';

export const shopOrderStatuses = [
  'created',
  'paid',
  'shipped',
  'delivered',
  'cancelled',
  'returned',
  'refunded',
] as const;
export const shopOrderStatus = z.enum(shopOrderStatuses);
export type ShopOrderStatus = z.infer<typeof shopOrderStatus>;

export const shopPaymentStatuses = [
  'pending',
  'requires_action',
  'authorized',
  'captured',
  'partially_refunded',
  'refunded',
  'failed',
  'canceled',
] as const;
export const shopPaymentStatus = z.enum(shopPaymentStatuses);
export type ShopPaymentStatus = z.infer<typeof shopPaymentStatus>;

const minor = z.number().int();
const timestamp = z.string();
const shortText = (max: number) => z.string().trim().min(1).max(max);

export const shopOrderAddress = z.object({
  name: z.string(),
  company: z.string().nullable().optional(),
  line1: z.string(),
  line2: z.string().nullable().optional(),
  postalCode: z.string(),
  city: z.string(),
  country: z.string(),
  phone: z.string().nullable().optional(),
});

export const shopOrderLine = z.object({
  position: z.number().int(),
  variantId: z.string(),
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  optionValues: z.record(z.string(), z.string()),
  quantity: z.number().int(),
  unitPriceMinor: minor,
  regularPriceMinor: minor,
  discountMinor: minor,
  totalMinor: minor,
  vatRateBp: z.number().int(),
  vatMinor: minor,
  backordered: z.number().int(),
});

export const shopOrderTotals = z.object({
  subtotalMinor: minor,
  discountMinor: minor,
  shippingMinor: minor,
  totalMinor: minor,
  vatMinor: minor,
  vatByRate: z.array(z.object({ rateBp: z.number().int(), baseMinor: minor, vatMinor: minor })),
});

export const shopOrderEvent = z.object({
  id: z.number().int(),
  at: timestamp,
  actorName: z.string(),
  kind: z.enum(['status', 'review', 'payment', 'refund', 'note']),
  fromStatus: shopOrderStatus.nullable(),
  toStatus: shopOrderStatus.nullable(),
  note: z.string().nullable(),
  trackingNumber: z.string().nullable(),
});

export const shopOrderPayment = z.object({
  id: z.string(),
  provider: z.string(),
  reference: z.string().nullable(),
  status: shopPaymentStatus,
  amountMinor: minor,
  refundedMinor: minor,
  currency: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const shopOrderRefund = z.object({
  id: z.string(),
  paymentId: z.string(),
  amountMinor: minor,
  currency: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed']),
  reason: z.string().nullable(),
  failureMessage: z.string().nullable(),
  createdByName: z.string(),
  createdAt: timestamp,
  settledAt: timestamp.nullable(),
});

/** One row of the admin's order list and of a customer's own list. */
export const shopOrderSummary = z.object({
  id: z.string(),
  number: z.number().int(),
  /** WG-100001: how people name the order. */
  displayNumber: z.string(),
  status: shopOrderStatus,
  email: z.string(),
  customerName: z.string(),
  currency: z.string(),
  totalMinor: minor,
  createdAt: timestamp,
  paidAt: timestamp.nullable(),
  /** Why an admin must look at it (a payment that did not match), or null. */
  reviewReason: z.string().nullable(),
});

export const shopOrderDetail = shopOrderSummary.extend({
  customerId: z.string(),
  customerKind: z.enum(['person', 'company']),
  companyName: z.string().nullable(),
  orgNumber: z.string().nullable(),
  phone: z.string().nullable(),
  locale: z.string(),
  lines: z.array(shopOrderLine),
  totals: shopOrderTotals,
  shipping: z.object({
    methodCode: z.string(),
    name: z.string(),
    amountMinor: minor,
    vatRateBp: z.number().int(),
    scheduled: z.boolean(),
    address: shopOrderAddress,
  }),
  billingAddress: shopOrderAddress,
  discountCode: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  shippedAt: timestamp.nullable(),
  deliveredAt: timestamp.nullable(),
  cancelledAt: timestamp.nullable(),
  returnedAt: timestamp.nullable(),
  refundedAt: timestamp.nullable(),
  /** Money taken and not given back, over all payments: what a refund may still return. */
  refundableMinor: minor,
  /** The statuses an admin may move it to now. */
  nextStatuses: z.array(shopOrderStatus),
  events: z.array(shopOrderEvent),
  payments: z.array(shopOrderPayment),
  refunds: z.array(shopOrderRefund),
});
export type ShopOrderDetail = z.infer<typeof shopOrderDetail>;
export type ShopOrderSummary = z.infer<typeof shopOrderSummary>;

const orderCursor = z.coerce.number().int().min(1);
const day = z.iso.date();

export const shopOrderListQuery = z.strictObject({
  status: shopOrderStatus.optional(),
  /** Created on or after this day, up to and including `to` (the shop's days, Europe/Stockholm). */
  from: day.optional(),
  to: day.optional(),
  /** An order number (WG-100001 or 100001), or words of the e-mail address, name or company. */
  q: z.string().trim().max(200).optional(),
  review: z.enum(['true', 'false']).optional(),
  /** The `nextCursor` of the page before. */
  cursor: orderCursor.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ShopOrderListQuery = z.infer<typeof shopOrderListQuery>;

export const shopOrderPage = z.object({ items: z.array(shopOrderSummary), nextCursor: z.number().int().nullable() });

export const shopOrderShipInput = z.strictObject({
  trackingNumber: shortText(100),
  note: z.string().trim().max(2000).optional(),
});
export const shopOrderNoteInput = z.strictObject({ note: z.string().trim().max(2000).optional() });
export const shopOrderRefundInput = z.strictObject({
  /** Omitted: everything still refundable. */
  amountMinor: z.number().int().min(1).optional(),
  reason: z.string().trim().max(500).optional(),
});
export type ShopOrderRefundInput = z.infer<typeof shopOrderRefundInput>;

export const shopCustomer = z.object({
  id: z.string(),
  kind: z.enum(['person', 'company']),
  userId: z.string().nullable(),
  email: z.string(),
  name: z.string(),
  companyName: z.string().nullable(),
  orgNumber: z.string().nullable(),
  phone: z.string().nullable(),
  locale: z.string(),
  createdAt: timestamp,
});
export type ShopCustomer = z.infer<typeof shopCustomer>;

export const shopCustomerQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const shopCustomerPage = z.object({ items: z.array(shopCustomer), nextCursor: z.string().nullable() });

export const shopAddressInput = z.strictObject({
  name: shortText(200),
  company: z.string().trim().max(200).nullable().optional(),
  line1: shortText(200),
  line2: z.string().trim().max(200).nullable().optional(),
  postalCode: z.string().trim().min(2).max(12),
  city: shortText(100),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'a two-letter country code such as SE')
    .transform((code) => code.toUpperCase()),
  phone: z.string().trim().max(40).nullable().optional(),
  defaultShipping: z.boolean().default(false),
  defaultBilling: z.boolean().default(false),
});
export type ShopAddressInput = z.infer<typeof shopAddressInput>;
export const shopAddress = z.object({
  id: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  line1: z.string(),
  line2: z.string().nullable(),
  postalCode: z.string(),
  city: z.string(),
  country: z.string(),
  phone: z.string().nullable(),
  defaultShipping: z.boolean(),
  defaultBilling: z.boolean(),
});
export type ShopAddress = z.infer<typeof shopAddress>;
export const shopAddressList = z.object({ items: z.array(shopAddress) });

export const shopCustomerDetail = shopCustomer.extend({
  addresses: z.array(shopAddress),
  orders: z.array(shopOrderSummary),
});

export const shopAccount = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  customer: shopCustomer.nullable(),
});

export const shopSignupInput = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(12, 'at least 12 characters').max(256),
  name: shortText(200),
  locale: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
});
export type ShopSignupInput = z.infer<typeof shopSignupInput>;
export const shopSignupResult = z.object({ userId: z.string(), username: z.string(), customerId: z.string() });

export const accountOrderPage = z.object({ items: z.array(shopOrderSummary), nextCursor: z.number().int().nullable() });
export const accountOrderListQuery = z.strictObject({
  cursor: orderCursor.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** What a customer sees of their order: no admin notes, no review reasons, no payment ids. */
export const accountOrder = shopOrderDetail
  .omit({ reviewReason: true, events: true, payments: true, refunds: true, nextStatuses: true, customerId: true })
  .extend({
    history: z.array(z.object({ at: timestamp, status: shopOrderStatus, trackingNumber: z.string().nullable() })),
    payment: z.object({ status: shopPaymentStatus, refundedMinor: minor }).nullable(),
  });
export type AccountOrder = z.infer<typeof accountOrder>;

export const guestOrderQuery = z.strictObject({ token: z.string().min(32).max(200) });

export const shopPaymentStarted = z.object({ provider: z.string(), redirectUrl: z.string() });

export const paymentWebhookParams = z.strictObject({ provider: z.string().min(1).max(40) });
export const paymentWebhookReceipt = z.object({ received: z.literal(true), duplicate: z.boolean() });

export const salesReportQuery = z.strictObject({
  from: day,
  to: day,
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/)
    .transform((code) => code.toUpperCase())
    .optional(),
});
export const salesReport = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  days: z.array(
    z.object({
      day: z.string(),
      currency: z.string(),
      orders: z.number().int(),
      totalMinor: minor,
      vatMinor: minor,
      netMinor: minor,
      refundedMinor: minor,
    }),
  ),
  totals: z.array(
    z.object({
      currency: z.string(),
      orders: z.number().int(),
      totalMinor: minor,
      vatMinor: minor,
      netMinor: minor,
      refundedMinor: minor,
    }),
  ),
});
export type SalesReport = z.infer<typeof salesReport>;

export const topProductsQuery = z.strictObject({
  from: day,
  to: day,
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/)
    .transform((code) => code.toUpperCase())
    .default('SEK'),
  by: z.enum(['revenue', 'quantity']).default('revenue'),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});
export const topProductsReport = z.object({
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  by: z.enum(['revenue', 'quantity']),
  items: z.array(
    z.object({
      productId: z.string(),
      /** As it was named on its latest order in the period. */
      name: z.string(),
      quantity: z.number().int(),
      revenueMinor: minor,
      orders: z.number().int(),
    }),
  ),
});
export type TopProductsReport = z.infer<typeof topProductsReport>;
