import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { positions, users } from '../org/index.js';
import { leadAssignmentCursors } from './lead.schema.js';

/** The round-robin team of an assigner: active people at representative level whose position reports directly to theirs, by id. */
export async function directRepresentatives(db: Executor, positionId: number) {
  return db
    .select({ id: users.id, displayName: users.displayName, geographyId: users.geographyId })
    .from(users)
    .innerJoin(positions, eq(positions.id, users.positionId))
    .where(and(eq(positions.superiorId, positionId), eq(positions.ladder, 'representative'), eq(users.status, 'active')))
    .orderBy(asc(users.id));
}

/**
 * Locks the assigner's cursor (made at first use) until the transaction ends:
 * two round-robin runs of one assigner take turns, so none hands out the same
 * position in the rotation twice. Returns whom the last run ended with.
 */
export async function lockCursor(db: Executor, assignerUserId: number): Promise<number | null> {
  await db.insert(leadAssignmentCursors).values({ assignerUserId }).onConflictDoNothing();
  const [row] = await db
    .select({ last: leadAssignmentCursors.lastAssigneeUserId })
    .from(leadAssignmentCursors)
    .where(eq(leadAssignmentCursors.assignerUserId, assignerUserId))
    .for('update');
  return row?.last ?? null;
}

export async function saveCursor(db: Executor, assignerUserId: number, lastAssigneeUserId: number): Promise<void> {
  await db
    .update(leadAssignmentCursors)
    .set({ lastAssigneeUserId, updatedAt: sql`now()` })
    .where(eq(leadAssignmentCursors.assignerUserId, assignerUserId));
}
