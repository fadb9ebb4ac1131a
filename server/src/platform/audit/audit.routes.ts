import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { Type } from 'typebox';
import { definePermissions } from '../access/permissions.js';
import { DateTime, Nullable, Page, PageQuery } from '../http/schemas.js';
import { auditLog } from './audit.schema.js';

export const AuditPermissions = definePermissions('platform', {
  'audit.read': { 'zh-CN': '查看审计日志', en: 'Read the audit log' },
});

const AuditRow = Type.Object({
  id: Type.Integer(),
  at: DateTime,
  actorUserId: Nullable(Type.Integer()),
  entity: Type.String(),
  entityId: Type.String(),
  action: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
  ip: Nullable(Type.String()),
});

/** Read-only by construction: the audit log has no write route (DESIGN rule 5). */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/audit',
    {
      config: { access: AuditPermissions['audit.read'] },
      schema: {
        operationId: 'listAudit',
        tags: ['platform'],
        summary: 'Audit trail, newest first',
        querystring: Type.Object({
          ...PageQuery,
          actorUserId: Type.Optional(Type.Integer({ minimum: 1 })),
          entity: Type.Optional(Type.String({ maxLength: 60 })),
          entityId: Type.Optional(Type.String({ maxLength: 60 })),
          from: Type.Optional(DateTime),
          to: Type.Optional(DateTime),
        }),
        response: { 200: Page(AuditRow) },
      },
    },
    async (request) => {
      const { limit = 20, offset = 0, actorUserId, entity, entityId, from, to } = request.query;
      const conditions: SQL[] = [];
      if (actorUserId) conditions.push(eq(auditLog.actorUserId, actorUserId));
      if (entity) conditions.push(eq(auditLog.entity, entity));
      if (entityId) conditions.push(eq(auditLog.entityId, entityId));
      if (from) conditions.push(gte(auditLog.at, new Date(from)));
      if (to) conditions.push(lte(auditLog.at, new Date(to)));
      const where = and(...conditions);
      const db = app.database.db;
      const items = await db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(limit).offset(offset);
      const [total] = await db.select({ n: count() }).from(auditLog).where(where);
      return { items, total: total?.n ?? 0 };
    },
  );
};
