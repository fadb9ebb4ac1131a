import { writeAudit } from '../audit/audit.js';
import type { ServiceContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { PlatformErrors } from '../errors/platform.errors.js';
import type { Locale } from '../i18n.js';
import { insertNotifications, listNotifications, markRead, type NewNotification } from './notification.repository.js';

/** Writes notifications inside the caller's transaction, so they exist exactly when the change that caused them does. */
export function notify(tx: Executor, rows: NewNotification[]): Promise<void> {
  return insertNotifications(tx, rows);
}

export async function myNotifications(
  ctx: Pick<ServiceContext, 'db' | 'principal'>,
  locale: Locale,
  filter: { unread?: boolean },
  page: { limit: number; offset: number },
) {
  const result = await listNotifications(ctx.db, ctx.principal.userId, filter, page);
  return {
    ...result,
    items: result.items.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title[locale],
      link: n.link,
      createdAt: n.createdAt,
      readAt: n.readAt,
    })),
  };
}

export async function markNotificationRead(ctx: ServiceContext, id: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await markRead(tx, ctx.principal.userId, id);
    if (!row) throw new AppError(PlatformErrors.notFound);
    await writeAudit(tx, ctx.actor, { entity: 'notification', entityId: id, action: 'read', after: { readAt: row.readAt } });
  });
}
