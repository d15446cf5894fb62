import type { ShopOrderStatus } from '@kontor/contracts';
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { PostalAddress } from './order-service.js';

/** jsonb: read as the value, written as its JSON text. */
type Json<T> = ColumnType<T, string, string>;

export type { ShopOrderStatus };

export interface ShippingSnapshot {
  methodCode: string;
  name: string;
  amountMinor: number;
  vatRateBp: number;
  scheduled: boolean;
  address: PostalAddress;
}

export interface VatByRate {
  rateBp: number;
  baseMinor: number;
  vatMinor: number;
}

export interface OrderRow {
  id: string;
  number: Generated<number>;
  status: ShopOrderStatus;
  customer_id: string;
  user_id: string | null;
  email: string;
  customer_name: string;
  customer_kind: 'person' | 'company';
  company_name: string | null;
  org_number: string | null;
  phone: string | null;
  currency: string;
  locale: string;
  subtotal_minor: number;
  discount_minor: number;
  shipping_minor: number;
  total_minor: number;
  vat_minor: number;
  vat_by_rate: Json<VatByRate[]>;
  shipping: Json<ShippingSnapshot>;
  billing_address: Json<PostalAddress>;
  discount_code: string | null;
  access_token: string;
  review_reason: string | null;
  tracking_number: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  paid_at: Date | null;
  shipped_at: Date | null;
  delivered_at: Date | null;
  cancelled_at: Date | null;
  returned_at: Date | null;
  refunded_at: Date | null;
}

export interface OrderLineRow {
  order_id: string;
  position: number;
  variant_id: string;
  product_id: string;
  sku: string;
  name: string;
  option_values: Json<Record<string, string>>;
  quantity: number;
  unit_price_minor: number;
  regular_price_minor: number;
  discount_minor: number;
  total_minor: number;
  vat_rate_bp: number;
  vat_minor: number;
  backordered: number;
}

export type OrderEventKind = 'status' | 'review' | 'payment' | 'refund' | 'note';

export interface OrderEventRow {
  id: Generated<number>;
  order_id: string;
  at: Generated<Date>;
  actor_id: string | null;
  actor_name: string;
  kind: OrderEventKind;
  from_status: ShopOrderStatus | null;
  to_status: ShopOrderStatus | null;
  note: string | null;
  tracking_number: string | null;
}

export interface CustomerRow {
  id: string;
  kind: 'person' | 'company';
  user_id: string | null;
  email: string;
  name: string;
  company_name: string | null;
  org_number: string | null;
  phone: string | null;
  locale: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AddressRow {
  id: string;
  customer_id: string;
  name: string;
  company: string | null;
  line1: string;
  line2: string | null;
  postal_code: string;
  city: string;
  country: string;
  phone: string | null;
  default_shipping: boolean;
  default_billing: boolean;
  created_at: Generated<Date>;
}

export type OrdersTables = {
  'commerce.orders': OrderRow;
  'commerce.order_lines': OrderLineRow;
  'commerce.order_events': OrderEventRow;
  'commerce.customers': CustomerRow;
  'commerce.addresses': AddressRow;
};

export type OrdersDb = Kysely<OrdersTables>;
