import { writeAudit } from '../../platform/audit/audit.js';
import { deleteUserSessions } from '../../platform/auth/session.repository.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import {
  findMove,
  findPositionLadder,
  insertMove,
  listMoves,
  lockUserWithPosition,
  type MoveView,
  markLeft,
  updatePlacement,
} from './move.repository.js';
import { type LadderLevel, ladderLevels, type MoveKind } from './org.enums.js';
import { OrgErrors } from './org.errors.js';
import type { userMoves, users } from './org.schema.js';
import { handOver } from './ownership.registry.js';
import { findUser } from './user.repository.js';
import { assertGeographyExists, assertSeatFree, getUser } from './user.service.js';

type Ctx = Pick<ServiceContext, 'db' | 'principal'>;

/** Position in the ladder, 0 = director; someone without a position stands below every level. */
function rank(ladder: LadderLevel | null): number {
  return ladder ? ladderLevels.indexOf(ladder) : ladderLevels.length;
}

async function lockActiveUser(tx: Tx, userId: number, field?: string) {
  const row = await lockUserWithPosition(tx, userId);
  if (!row) throw new AppError(PlatformErrors.notFound);
  if (row.user.status !== 'active') throw new AppError(OrgErrors.userLeft, { name: row.user.displayName }, field ? { field } : undefined);
  return row;
}

/** Writes the move and its audit row; runs inside the transaction that changed the user. */
async function recordMove(
  tx: Tx,
  ctx: ServiceContext,
  kind: MoveKind,
  before: typeof users.$inferSelect,
  after: typeof users.$inferSelect,
  move: Omit<typeof userMoves.$inferInsert, 'userId' | 'kind' | 'byUserId'>,
): Promise<number> {
  const row = await insertMove(tx, { ...move, userId: before.id, kind, byUserId: ctx.actor.userId });
  await writeAudit(tx, ctx.actor, { entity: 'user', entityId: before.id, action: kind, before, after: { ...after, move: row } });
  return row.id;
}

async function movedView(ctx: Ctx, moveId: number): Promise<MoveView> {
  const view = await findMove(ctx.db, moveId);
  if (!view) throw new AppError(PlatformErrors.notFound);
  return view;
}

/** ORG-6: a promotion goes to a free seat strictly higher on the ladder. */
export async function promoteUser(ctx: ServiceContext, userId: number, input: { positionId: number; reason: string }) {
  await getUser(ctx, userId);
  const moveId = await ctx.db.transaction(async (tx) => {
    const { user: before, ladder } = await lockActiveUser(tx, userId);
    const target = await findPositionLadder(tx, input.positionId);
    if (!target) throw new AppError(OrgErrors.referenceMissing, { field: 'positionId' }, { field: 'positionId' });
    if (rank(target) >= rank(ladder)) throw new AppError(OrgErrors.notAPromotion, {}, { field: 'positionId' });
    await assertSeatFree(tx, input.positionId);
    const after = await updatePlacement(tx, userId, { positionId: input.positionId, geographyId: before.geographyId });
    return recordMove(tx, ctx, 'promote', before, after, {
      fromPositionId: before.positionId,
      toPositionId: input.positionId,
      reason: input.reason,
    });
  });
  return movedView(ctx, moveId);
}

/** ORG-6: a transfer changes the position (any level, seat permitting), the geography, or both. */
export async function transferUser(
  ctx: ServiceContext,
  userId: number,
  input: { positionId?: number | null; geographyId?: number | null; reason: string },
) {
  await getUser(ctx, userId);
  const moveId = await ctx.db.transaction(async (tx) => {
    const { user: before } = await lockActiveUser(tx, userId);
    const newPosition = input.positionId != null && input.positionId !== before.positionId ? input.positionId : null;
    const newGeography = input.geographyId != null && input.geographyId !== before.geographyId ? input.geographyId : null;
    if (newPosition === null && newGeography === null) throw new AppError(OrgErrors.transferWithoutChange, {}, { field: 'positionId' });
    if (newPosition !== null) await assertSeatFree(tx, newPosition);
    await assertGeographyExists(tx, newGeography);
    const after = await updatePlacement(tx, userId, {
      positionId: newPosition ?? before.positionId,
      geographyId: newGeography ?? before.geographyId,
    });
    // The move names only what changed, so the history reads as "from … to …" for each part.
    return recordMove(tx, ctx, 'transfer', before, after, {
      fromPositionId: newPosition !== null ? before.positionId : null,
      toPositionId: newPosition,
      fromGeographyId: newGeography !== null ? before.geographyId : null,
      toGeographyId: newGeography,
      reason: input.reason,
    });
  });
  return movedView(ctx, moveId);
}

/**
 * ORG-6: the leaver's seat is freed, their sessions end, and everything they
 * own (every entity in the ownership registry) passes to the named successor.
 */
export async function recordLeave(ctx: ServiceContext, userId: number, input: { successorUserId: number; reason: string }) {
  await getUser(ctx, userId);
  const field = 'successorUserId';
  if (input.successorUserId === userId) throw new AppError(OrgErrors.successorIsLeaver, {}, { field });
  if (!(await findUser(ctx.db, ctx.principal.scope, input.successorUserId))) {
    throw new AppError(OrgErrors.referenceMissing, { field }, { field });
  }
  const moveId = await ctx.db.transaction(async (tx) => {
    // Both rows locked in id order, so two crossing departures cannot deadlock or hand over to a leaver.
    const leaverFirst = userId < input.successorUserId ? await lockActiveUser(tx, userId) : null;
    await lockActiveUser(tx, input.successorUserId, field);
    const { user: before } = leaverFirst ?? (await lockActiveUser(tx, userId));
    const after = await markLeft(tx, userId);
    await deleteUserSessions(tx, userId);
    const handover = await handOver(tx, userId, input.successorUserId);
    return recordMove(tx, ctx, 'leave', before, after, {
      fromPositionId: before.positionId,
      fromGeographyId: before.geographyId,
      successorUserId: input.successorUserId,
      handover,
      reason: input.reason,
    });
  });
  return movedView(ctx, moveId);
}

/** A person's career history, newest first. */
export async function getMoves(ctx: Ctx, userId: number, page: { limit: number; offset: number }) {
  await getUser(ctx, userId);
  return listMoves(ctx.db, userId, page);
}
