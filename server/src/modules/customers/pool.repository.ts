import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/database.js';
import { users } from '../org/index.js';
import { accountPoolEvents } from './customers.schema.js';

export type NewPoolEvent = typeof accountPoolEvents.$inferInsert;

const fromUser = alias(users, 'from_user');
const toUser = alias(users, 'to_user');
const actor = alias(users, 'actor');

export function listPoolEvents(db: Executor, accountId: number, limit: number) {
  return db
    .select({
      id: accountPoolEvents.id,
      kind: accountPoolEvents.kind,
      fromUserId: accountPoolEvents.fromUserId,
      fromUserName: fromUser.displayName,
      toUserId: accountPoolEvents.toUserId,
      toUserName: toUser.displayName,
      reason: accountPoolEvents.reason,
      actorUserId: accountPoolEvents.actorUserId,
      actorName: actor.displayName,
      at: accountPoolEvents.at,
    })
    .from(accountPoolEvents)
    .leftJoin(fromUser, eq(fromUser.id, accountPoolEvents.fromUserId))
    .leftJoin(toUser, eq(toUser.id, accountPoolEvents.toUserId))
    .leftJoin(actor, eq(actor.id, accountPoolEvents.actorUserId))
    .where(eq(accountPoolEvents.accountId, accountId))
    .orderBy(desc(accountPoolEvents.at), desc(accountPoolEvents.id))
    .limit(limit);
}

export async function insertPoolEvents(db: Executor, rows: NewPoolEvent[]): Promise<void> {
  if (rows.length > 0) await db.insert(accountPoolEvents).values(rows);
}
