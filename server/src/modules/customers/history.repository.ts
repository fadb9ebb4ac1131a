import { and, desc, eq, notInArray } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/audit.schema.js';
import type { Executor } from '../../platform/db/database.js';
import { users } from '../org/index.js';

/** The audit entity every change of an account's card is written under (contacts, addresses, grade and pool moves too). */
export const accountEntity = 'account';

/** Reads and exports are audited (CMP-3) but are not changes of the card. */
const readActions = ['view', 'export'];

/** CUS-1 full change history: the account's audit rows, newest first. */
export function listAccountHistory(db: Executor, accountId: number, limit = 100) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorName: users.displayName,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.entity, accountEntity), eq(auditLog.entityId, String(accountId)), notInArray(auditLog.action, readActions)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
