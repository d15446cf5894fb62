import { salesReport, salesReportQuery, topProductsQuery, topProductsReport } from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ReportsService } from './reports-service.js';

const REPORTS = { access: { permission: 'commerce.reports' } } as const;
const tags = ['commerce'];

/** The shop's sales figures (`commerce.reports`). */
export const reportsRoutes: FastifyPluginAsyncZod<{ reports: ReportsService }> = async (app, { reports }) => {
  app.get(
    '/api/commerce/reports/sales',
    {
      config: REPORTS,
      schema: {
        tags,
        summary:
          'Sales per shop day (Europe/Stockholm) and currency: orders paid, totals with VAT and net, money refunded',
        querystring: salesReportQuery,
        response: { 200: salesReport },
      },
    },
    async (request) => reports.sales(request.ctx, request.query),
  );
  app.get(
    '/api/commerce/reports/top-products',
    {
      config: REPORTS,
      schema: {
        tags,
        summary: 'The products sold most in a period and currency, by revenue or by units',
        querystring: topProductsQuery,
        response: { 200: topProductsReport },
      },
    },
    async (request) => reports.topProducts(request.ctx, request.query),
  );
};
