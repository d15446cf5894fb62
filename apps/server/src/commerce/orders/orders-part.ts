import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';
import type { CatalogPart } from '../catalog/catalog-part.js';
import type { PaymentProvider } from '../payments/payment-provider.js';
import { configuredProviders, PaymentsService } from '../payments/payments-service.js';
import { RefundService } from '../payments/refund-service.js';
import { paymentWebhookRoutes } from '../payments/webhook-routes.js';
import { accountRoutes } from './account-routes.js';
import { AccountService } from './account-service.js';
import { orderAdminRoutes } from './admin-routes.js';
import { OrderAdminService } from './order-admin-service.js';
import { OrderService } from './order-service.js';
import { reportsRoutes } from './reports-routes.js';
import { ReportsService } from './reports-service.js';
import { seedOrdersDemo } from './seed-demo.js';

export { type CustomerSearch, CustomerService } from './customer-service.js';
export { displayNumber, parseDisplayNumber } from './order-states.js';

/**
 * Customers, orders and their history, payments and refunds, e-mails, receipts, the account pages' API, reports.
 * `providers` defaults to those the settings set up (Stripe's protocol when its keys are given).
 */
export function createOrdersPart(
  platform: Platform,
  catalog: CatalogPart,
  providers: PaymentProvider[] = configuredProviders(platform),
) {
  const orders = new OrderService(platform, catalog.stock);
  const payments = new PaymentsService(platform, orders, providers);
  const refunds = new RefundService(platform, orders, payments);
  const admin = new OrderAdminService(platform, orders, payments, refunds);
  const account = new AccountService(platform, orders.customers, admin, orders, payments);
  const reports = new ReportsService(platform);
  return {
    orders,
    payments,
    refunds,
    admin,
    /** The module's public service of customers and their orders (service desk, legacy migration). */
    customers: orders.customers,
    /** A month of demo orders from the catalog's demo products; call it after the catalog's own seedDemo. */
    async seedDemo() {
      await seedOrdersDemo(platform, orders, catalog.pricing);
    },
    async register(app: FastifyInstance) {
      const perMinute = platform.config.commerceRateLimitPerMinute;
      await app.register(paymentWebhookRoutes, { payments, perMinute });
      await app.register(orderAdminRoutes, { admin, customers: orders.customers });
      await app.register(reportsRoutes, { reports });
      await app.register(accountRoutes, { account, signupPerMinute: platform.config.loginRateLimitPerMinute });
    },
  };
}
export type OrdersPart = ReturnType<typeof createOrdersPart>;
