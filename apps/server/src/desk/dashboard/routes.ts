import { deskDashboard, deskDashboardQuery } from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AGENT } from '../incident-service.js';
import type { DashboardService } from './dashboard-service.js';

export const dashboardRoutes: FastifyPluginAsyncZod<{ dashboard: DashboardService }> = async (app, { dashboard }) => {
  app.get(
    '/api/desk/dashboard',
    {
      config: { access: { permission: AGENT } },
      schema: {
        tags: ['desk'],
        summary:
          'Open incidents by priority, created and resolved per day, SLA breaches and time to resolve, filtered by q',
        querystring: deskDashboardQuery,
        response: { 200: deskDashboard },
      },
    },
    async (request) => dashboard.figures(request.ctx, request.query),
  );
};
