import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id, ref } from '../db/columns.js';

/** The outbox: written in the transaction of the change it announces, never updated. */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: id(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  // type + created_at: the dispatcher's regular passes read only the recent events of the types it delivers.
  (t) => [index('domain_events_type_idx').on(t.type, t.id), index('domain_events_type_created_idx').on(t.type, t.createdAt)],
);

/** One row per (event, consumer) handled; the primary key is what makes a delivery happen once. */
export const eventDeliveries = pgTable(
  'event_deliveries',
  {
    eventId: ref('event_id')
      .notNull()
      .references(() => domainEvents.id),
    consumer: text('consumer').notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.consumer] })],
);
