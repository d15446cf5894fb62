// STUB by the lead: the orders helper owns this file and grows what it builds and registers.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';
import type { CatalogPart } from '../catalog/catalog-part.js';
import { PaymentsService } from '../payments/payments-service.js';
import { OrderService } from './order-service.js';

/** Customers, orders and their history, payments and refunds, e-mails, receipts, the account pages' API. */
export function createOrdersPart(platform: Platform, _catalog: CatalogPart) {
  return {
    orders: new OrderService(platform),
    payments: new PaymentsService(platform),
    async register(_app: FastifyInstance) {},
  };
}
export type OrdersPart = ReturnType<typeof createOrdersPart>;
