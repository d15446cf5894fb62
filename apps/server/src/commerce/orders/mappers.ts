import type {
  AccountOrder,
  ShopAddress,
  ShopCustomer,
  ShopOrderDetail,
  ShopOrderSummary,
  shopOrderPayment,
  shopOrderRefund,
} from '@kontor/contracts';
import type { z } from 'zod';
import type { StoredAddress, StoredCustomer } from './customers-repository.js';
import { displayNumber, ORDER_TRANSITIONS } from './order-states.js';
import type { StoredEvent, StoredLine, StoredOrder } from './orders-repository.js';

export type OrderPaymentView = z.infer<typeof shopOrderPayment>;
export type OrderRefundView = z.infer<typeof shopOrderRefund>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

export const toCustomer = (row: StoredCustomer): ShopCustomer => ({
  id: row.id,
  kind: row.kind,
  userId: row.user_id,
  email: row.email,
  name: row.name,
  companyName: row.company_name,
  orgNumber: row.org_number,
  phone: row.phone,
  locale: row.locale,
  createdAt: row.created_at.toISOString(),
});

export const toAddress = (row: StoredAddress): ShopAddress => ({
  id: row.id,
  name: row.name,
  company: row.company,
  line1: row.line1,
  line2: row.line2,
  postalCode: row.postal_code,
  city: row.city,
  country: row.country,
  phone: row.phone,
  defaultShipping: row.default_shipping,
  defaultBilling: row.default_billing,
});

export const toOrderSummary = (row: StoredOrder): ShopOrderSummary => ({
  id: row.id,
  number: row.number,
  displayNumber: displayNumber(row.number),
  status: row.status,
  email: row.email,
  customerName: row.customer_name,
  currency: row.currency,
  totalMinor: row.total_minor,
  createdAt: row.created_at.toISOString(),
  paidAt: iso(row.paid_at),
  reviewReason: row.review_reason,
});

export const toLine = (line: StoredLine) => ({
  position: line.position,
  variantId: line.variant_id,
  productId: line.product_id,
  sku: line.sku,
  name: line.name,
  optionValues: line.option_values,
  quantity: line.quantity,
  unitPriceMinor: line.unit_price_minor,
  regularPriceMinor: line.regular_price_minor,
  discountMinor: line.discount_minor,
  totalMinor: line.total_minor,
  vatRateBp: line.vat_rate_bp,
  vatMinor: line.vat_minor,
  backordered: line.backordered,
});

export interface OrderParts {
  order: StoredOrder;
  lines: StoredLine[];
  events: StoredEvent[];
  payments: OrderPaymentView[];
  refunds: OrderRefundView[];
}

/** Money taken and not given back: what refunds may still return. */
export const refundableOf = (payments: OrderPaymentView[]): number =>
  payments
    .filter((payment) => ['captured', 'partially_refunded'].includes(payment.status))
    .reduce((sum, payment) => sum + payment.amountMinor - payment.refundedMinor, 0);

export function toOrderDetail({ order, lines, events, payments, refunds }: OrderParts): ShopOrderDetail {
  return {
    ...toOrderSummary(order),
    customerId: order.customer_id,
    customerKind: order.customer_kind,
    companyName: order.company_name,
    orgNumber: order.org_number,
    phone: order.phone,
    locale: order.locale,
    lines: lines.map(toLine),
    totals: {
      subtotalMinor: order.subtotal_minor,
      discountMinor: order.discount_minor,
      shippingMinor: order.shipping_minor,
      totalMinor: order.total_minor,
      vatMinor: order.vat_minor,
      vatByRate: order.vat_by_rate,
    },
    shipping: order.shipping,
    billingAddress: order.billing_address,
    discountCode: order.discount_code,
    trackingNumber: order.tracking_number,
    shippedAt: iso(order.shipped_at),
    deliveredAt: iso(order.delivered_at),
    cancelledAt: iso(order.cancelled_at),
    returnedAt: iso(order.returned_at),
    refundedAt: iso(order.refunded_at),
    refundableMinor: refundableOf(payments),
    nextStatuses: [...ORDER_TRANSITIONS[order.status]],
    events: events.map((event) => ({
      id: event.id,
      at: event.at.toISOString(),
      actorName: event.actor_name,
      kind: event.kind,
      fromStatus: event.from_status,
      toStatus: event.to_status,
      note: event.note,
      trackingNumber: event.tracking_number,
    })),
    payments,
    refunds,
  };
}

/** The customer's view: what they bought and where it is, without the shop's own notes and ids. */
export function toAccountOrder(parts: OrderParts): AccountOrder {
  const {
    reviewReason: _review,
    events: _events,
    payments,
    refunds: _refunds,
    nextStatuses: _next,
    customerId: _c,
    ...rest
  } = toOrderDetail(parts);
  const latest = payments.at(-1);
  return {
    ...rest,
    history: parts.events
      .filter((event) => event.kind === 'status' && event.to_status)
      .map((event) => ({
        at: event.at.toISOString(),
        status: event.to_status ?? 'created',
        trackingNumber: event.tracking_number,
      })),
    payment: latest ? { status: latest.status, refundedMinor: latest.refundedMinor } : null,
  };
}
