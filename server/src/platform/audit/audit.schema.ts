import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { id, ref } from '../db/columns.js';

/** Append-only: no code path updates or deletes a row (DESIGN rule 5). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: ref('actor_user_id'),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_actor_at_idx').on(t.actorUserId, t.at),
    index('audit_log_at_idx').on(t.at),
  ],
);
