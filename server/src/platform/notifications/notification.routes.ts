import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { serviceContext } from '../http/request-context.js';
import { DateTime, IdParams, Nullable, Ok, PageQuery } from '../http/schemas.js';
import { markNotificationRead, myNotifications } from './notification.service.js';

const tags = ['notifications'];

const NotificationSchema = Type.Object(
  {
    id: Type.Integer(),
    kind: Type.String({ description: 'e.g. approval.task, approval.reminder, approval.escalated' }),
    title: Type.String({ description: "In the caller's language" }),
    link: Nullable(Type.String({ description: 'Web route to open' })),
    createdAt: DateTime,
    readAt: Nullable(DateTime),
  },
  { $id: 'Notification' },
);

export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'listNotifications',
        tags,
        summary: 'My notifications, newest first, with the unread count',
        querystring: Type.Object({ ...PageQuery, unread: Type.Optional(Type.Boolean()) }),
        response: { 200: Type.Object({ items: Type.Array(NotificationSchema), total: Type.Integer(), unread: Type.Integer() }) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, unread } = request.query;
      return myNotifications(serviceContext(app, request), request.locale, { unread }, { limit, offset });
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'markNotificationRead',
        tags,
        summary: 'Mark one of my notifications read',
        params: IdParams,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await markNotificationRead(serviceContext(app, request), request.params.id);
      return { ok: true };
    },
  );
};
