// STUB by the lead: the orders helper replaces the body; `start` is what checkout calls after the order is stored.
import type { RequestContext } from '../../platform/context.js';
import type { Platform } from '../../platform/platform.js';

export interface PaymentStart {
  orderId: string;
  orderNumber: number;
  amountMinor: number;
  currency: string;
  locale: string;
  email: string;
  /** Where the provider sends the customer back after paying, and after giving up. */
  returnUrl: string;
  cancelUrl: string;
}

export class PaymentsService {
  constructor(readonly platform: Platform) {}

  /** Opens a payment at the provider (idempotent per order) and answers where to send the customer to pay. */
  async start(_ctx: RequestContext, _payment: PaymentStart): Promise<{ provider: string; redirectUrl: string }> {
    throw new Error('not built yet');
  }
}
