import { count, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/database.js';
import { geographies, positions, userMoves, users } from './org.schema.js';

const fromPosition = alias(positions, 'from_position');
const toPosition = alias(positions, 'to_position');
const fromGeography = alias(geographies, 'from_geography');
const toGeography = alias(geographies, 'to_geography');
const successor = alias(users, 'successor');
const mover = alias(users, 'mover');

export const moveView = {
  id: userMoves.id,
  userId: userMoves.userId,
  kind: userMoves.kind,
  fromPositionId: userMoves.fromPositionId,
  fromPositionName: fromPosition.name,
  fromLadder: fromPosition.ladder,
  toPositionId: userMoves.toPositionId,
  toPositionName: toPosition.name,
  toLadder: toPosition.ladder,
  fromGeographyId: userMoves.fromGeographyId,
  fromGeographyName: fromGeography.name,
  toGeographyId: userMoves.toGeographyId,
  toGeographyName: toGeography.name,
  successorUserId: userMoves.successorUserId,
  successorName: successor.displayName,
  handover: userMoves.handover,
  reason: userMoves.reason,
  byUserId: userMoves.byUserId,
  byName: mover.displayName,
  at: userMoves.at,
};

function selectMoves(db: Executor) {
  return db
    .select(moveView)
    .from(userMoves)
    .leftJoin(fromPosition, eq(fromPosition.id, userMoves.fromPositionId))
    .leftJoin(toPosition, eq(toPosition.id, userMoves.toPositionId))
    .leftJoin(fromGeography, eq(fromGeography.id, userMoves.fromGeographyId))
    .leftJoin(toGeography, eq(toGeography.id, userMoves.toGeographyId))
    .leftJoin(successor, eq(successor.id, userMoves.successorUserId))
    .leftJoin(mover, eq(mover.id, userMoves.byUserId));
}

export type MoveView = Awaited<ReturnType<typeof selectMoves>>[number];

export async function listMoves(
  db: Executor,
  userId: number,
  page: { limit: number; offset: number },
): Promise<{ items: MoveView[]; total: number }> {
  const items = await selectMoves(db)
    .where(eq(userMoves.userId, userId))
    .orderBy(desc(userMoves.at), desc(userMoves.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(userMoves).where(eq(userMoves.userId, userId));
  return { items, total: total?.n ?? 0 };
}

export async function findMove(db: Executor, id: number): Promise<MoveView | null> {
  const [row] = await selectMoves(db).where(eq(userMoves.id, id));
  return row ?? null;
}

export async function insertMove(db: Executor, move: typeof userMoves.$inferInsert) {
  const [row] = await db.insert(userMoves).values(move).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Locks the user's row with their position, so two moves of one person run one after another. */
export async function lockUserWithPosition(db: Executor, userId: number) {
  const [row] = await db
    .select({ user: users, ladder: positions.ladder })
    .from(users)
    .leftJoin(positions, eq(positions.id, users.positionId))
    .where(eq(users.id, userId))
    .for('update', { of: users });
  return row ?? null;
}

export async function findPositionLadder(db: Executor, positionId: number) {
  const [row] = await db.select({ ladder: positions.ladder }).from(positions).where(eq(positions.id, positionId));
  return row?.ladder ?? null;
}

export async function updatePlacement(db: Executor, userId: number, placement: { positionId: number | null; geographyId: number | null }) {
  const [row] = await db
    .update(users)
    .set({ ...placement, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

/** A leaver keeps their record and history but frees their seat. */
export async function markLeft(db: Executor, userId: number) {
  const [row] = await db
    .update(users)
    .set({ status: 'left', leftAt: sql`now()`, positionId: null, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}
