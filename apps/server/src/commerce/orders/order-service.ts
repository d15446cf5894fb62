// STUB by the lead: the orders helper replaces the body; these signatures are what checkout and payments use.
import type { RequestContext } from '../../platform/context.js';
import type { Db, Platform } from '../../platform/platform.js';
import type { PricedLine } from '../catalog/pricing-service.js';

export interface PostalAddress {
  name: string;
  company?: string | null;
  line1: string;
  line2?: string | null;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  phone?: string | null;
}

/** Everything an order needs, priced and checked by checkout; `place` stores it as the order's snapshot. */
export interface OrderDraft {
  customer: {
    userId: string | null;
    email: string;
    name: string;
    phone?: string | null;
    kind: 'person' | 'company';
    companyName?: string | null;
    orgNumber?: string | null;
  };
  currency: string;
  locale: string;
  lines: Array<PricedLine & { backordered: number; discountMinor: number }>;
  shipping: {
    methodCode: string;
    name: string;
    amountMinor: number;
    vatRateBp: number;
    /** Bulky goods: delivered on an agreed day, not as a parcel. */
    scheduled: boolean;
    address: PostalAddress;
  };
  billingAddress: PostalAddress;
  discountCode: string | null;
  totals: {
    subtotalMinor: number;
    discountMinor: number;
    shippingMinor: number;
    totalMinor: number;
    vatMinor: number;
    vatByRate: Array<{ rateBp: number; baseMinor: number; vatMinor: number }>;
  };
}

export class OrderService {
  constructor(readonly platform: Platform) {}

  /** Stores a new order in state `created` with its line snapshots and first history entry. */
  async place(
    _trx: Db,
    _ctx: RequestContext,
    _draft: OrderDraft,
  ): Promise<{ id: string; number: number; accessToken: string }> {
    throw new Error('not built yet');
  }
}
