import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id, ref } from '../db/columns.js';
import type { Locale } from '../i18n.js';

/** Messages for one user (reminders, escalations, new tasks), shown in the header; the title is kept in every UI language. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: ref('user_id').notNull(),
    kind: text('kind').notNull(),
    title: jsonb('title').$type<Record<Locale, string>>().notNull(),
    link: text('link'),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);
