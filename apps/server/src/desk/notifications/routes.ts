import {
  notificationIdParams,
  notificationPage,
  notificationPreferences,
  notificationPreferencesInput,
  notificationQuery,
  unreadCount,
} from '@kontor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AGENT, REQUEST } from '../incident-service.js';
import type { NotificationService } from './notification-service.js';

const tags = ['desk'];
/** Agents and requesters; each sees and changes only their own notifications. */
const own = { access: { permission: [AGENT, REQUEST] } };

export const notificationRoutes: FastifyPluginAsyncZod<{ notifications: NotificationService }> = async (
  app,
  { notifications },
) => {
  app.get(
    '/api/desk/notifications',
    {
      config: own,
      schema: {
        tags,
        summary: 'My notifications, newest first (keyset: before=<id>), with the unread count',
        querystring: notificationQuery,
        response: { 200: notificationPage },
      },
    },
    async (request) => notifications.list(request.ctx, request.query),
  );
  app.post(
    '/api/desk/notifications/:id/read',
    {
      config: own,
      schema: {
        tags,
        summary: 'Marks one of my notifications read',
        params: notificationIdParams,
        response: { 200: unreadCount },
      },
    },
    async (request) => notifications.markRead(request.ctx, request.params.id),
  );
  app.post(
    '/api/desk/notifications/read-all',
    { config: own, schema: { tags, summary: 'Marks all my notifications read', response: { 200: unreadCount } } },
    async (request) => notifications.markRead(request.ctx),
  );
  app.get(
    '/api/desk/notifications/preferences',
    {
      config: own,
      schema: {
        tags,
        summary: 'Which events reach me, in the app and by e-mail',
        response: { 200: notificationPreferences },
      },
    },
    async (request) => notifications.preferences(request.ctx),
  );
  app.put(
    '/api/desk/notifications/preferences',
    {
      config: own,
      schema: {
        tags,
        summary: 'Changes which events reach me (events not named keep their setting)',
        body: notificationPreferencesInput,
        response: { 200: notificationPreferences },
      },
    },
    async (request) => notifications.setPreferences(request.ctx, request.body),
  );
};
