import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import type { Locale } from '../i18n.js';
import { notifications } from './notifications.schema.js';

export interface NewNotification {
  userId: number;
  kind: string;
  title: Record<Locale, string>;
  link: string | null;
}

export async function insertNotifications(db: Executor, rows: NewNotification[]): Promise<void> {
  if (rows.length > 0) await db.insert(notifications).values(rows);
}

export async function listNotifications(
  db: Executor,
  userId: number,
  filter: { unread?: boolean },
  page: { limit: number; offset: number },
) {
  const mine = eq(notifications.userId, userId);
  const where = filter.unread ? and(mine, isNull(notifications.readAt)) : mine;
  const items = await db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(page.limit)
    .offset(page.offset);
  const [totals] = await db
    .select({ total: count(), unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)`.mapWith(Number) })
    .from(notifications)
    .where(where);
  return { items, total: totals?.total ?? 0, unread: totals?.unread ?? 0 };
}

/** Marks one of the user's notifications read; null when it is not theirs. */
export async function markRead(db: Executor, userId: number, id: number) {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row ?? null;
}
