import { and, asc, count, desc, eq, exists, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DataScope } from '../../platform/access/principal.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import { users } from '../org/index.js';
import type { ApprovalStatus } from './approval.enums.js';
import type { Person } from './approval.types.js';
import { approvalActions, approvals, approvalTasks } from './approvals.schema.js';

export interface PageRequest {
  limit: number;
  offset: number;
}

const requester = alias(users, 'requester');
const approver = alias(users, 'approver');
const actor = alias(users, 'actor');
const target = alias(users, 'target');

const approvalColumns = {
  approvalId: approvals.id,
  type: approvals.type,
  subjectType: approvals.subjectType,
  subjectId: approvals.subjectId,
  summary: approvals.summary,
  amount: approvals.amount,
  status: approvals.status,
  round: approvals.round,
  createdAt: approvals.createdAt,
  decidedAt: approvals.decidedAt,
  requesterId: approvals.requesterId,
  requesterName: requester.displayName,
};

/** The pending approvers of each approval's current round, as one JSON array per row (no query per row). */
const currentApprovers = sql<Person[]>`(
  SELECT coalesce(json_agg(json_build_object('id', pt.approver_id, 'displayName', pu.display_name) ORDER BY pt.id), '[]'::json)
  FROM (SELECT t.id, t.approver_id FROM ${approvalTasks} t
        WHERE t.approval_id = ${approvals.id} AND t.round = ${approvals.round} AND t.status = 'pending') pt
  JOIN ${users} pu ON pu.id = pt.approver_id)`;

const pendingOf = (userId: number) => and(eq(approvalTasks.approverId, userId), eq(approvalTasks.status, 'pending'));

async function counted(db: Executor, where: SQL | undefined, from: 'tasks' | 'approvals'): Promise<number> {
  const [row] =
    from === 'tasks'
      ? await db.select({ n: count() }).from(approvalTasks).where(where)
      : await db.select({ n: count() }).from(approvals).where(where);
  return row?.n ?? 0;
}

/** My pending tasks, newest first. */
export async function listInbox(db: Executor, userId: number, filter: { type?: string }, page: PageRequest) {
  const where = and(pendingOf(userId), filter.type ? eq(approvals.type, filter.type) : undefined);
  const items = await db
    .select({
      taskId: approvalTasks.id,
      ...approvalColumns,
      stepIndex: approvalTasks.stepIndex,
      stepName: sql<string | null>`${approvals.chain} -> ${approvalTasks.stepIndex} ->> 'name'`,
      waitingSince: approvalTasks.createdAt,
    })
    .from(approvalTasks)
    .innerJoin(approvals, eq(approvals.id, approvalTasks.approvalId))
    .innerJoin(requester, eq(requester.id, approvals.requesterId))
    .where(where)
    .orderBy(desc(approvalTasks.createdAt), desc(approvalTasks.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db
    .select({ n: count() })
    .from(approvalTasks)
    .innerJoin(approvals, eq(approvals.id, approvalTasks.approvalId))
    .where(where);
  return { items, total: total?.n ?? 0 };
}

export function countPending(db: Executor, userId: number): Promise<number> {
  return counted(db, pendingOf(userId), 'tasks');
}

/** What I asked for, newest first, with who decides now. */
export async function listRequested(db: Executor, userId: number, filter: { status?: ApprovalStatus; type?: string }, page: PageRequest) {
  const where = and(
    eq(approvals.requesterId, userId),
    filter.status ? eq(approvals.status, filter.status) : undefined,
    filter.type ? eq(approvals.type, filter.type) : undefined,
  );
  const items = await db
    .select({ ...approvalColumns, currentApprovers })
    .from(approvals)
    .innerJoin(requester, eq(requester.id, approvals.requesterId))
    .where(where)
    .orderBy(desc(approvals.createdAt), desc(approvals.id))
    .limit(page.limit)
    .offset(page.offset);
  return { items, total: await counted(db, where, 'approvals') };
}

const decidedTaskStatuses = ['approved', 'rejected', 'returned', 'transferred'] as const;

/** What I acted on, latest first: one row per decision I took. */
export async function listDone(db: Executor, userId: number, page: PageRequest) {
  const where = and(eq(approvalTasks.approverId, userId), inArray(approvalTasks.status, [...decidedTaskStatuses]));
  const items = await db
    .select({
      taskId: approvalTasks.id,
      ...approvalColumns,
      myDecision: approvalTasks.status,
      myComment: approvalTasks.comment,
      actedAt: approvalTasks.actedAt,
    })
    .from(approvalTasks)
    .innerJoin(approvals, eq(approvals.id, approvalTasks.approvalId))
    .innerJoin(requester, eq(requester.id, approvals.requesterId))
    .where(where)
    .orderBy(desc(approvalTasks.actedAt), desc(approvalTasks.id))
    .limit(page.limit)
    .offset(page.offset);
  return { items, total: await counted(db, where, 'tasks') };
}

/**
 * One approval as the user may see it: they asked for it, have or had a task
 * on it, or their data scope covers the requester (owner or geography).
 * Null otherwise, which the caller answers as not found.
 */
export async function findVisibleApproval(db: Executor, id: number, viewer: { userId: number; scope: DataScope }) {
  const inScope = scopeCondition(viewer.scope, { owner: approvals.requesterId, geography: requester.geographyId });
  const participant = or(
    eq(approvals.requesterId, viewer.userId),
    exists(
      db
        .select({ one: sql`1` })
        .from(approvalTasks)
        .where(and(eq(approvalTasks.approvalId, approvals.id), eq(approvalTasks.approverId, viewer.userId))),
    ),
  );
  const [row] = await db
    .select({ approval: approvals, requesterName: requester.displayName })
    .from(approvals)
    .innerJoin(requester, eq(requester.id, approvals.requesterId))
    .where(and(eq(approvals.id, id), inScope === undefined ? undefined : or(participant, inScope)));
  return row ?? null;
}

export function listTasksOf(db: Executor, approvalId: number) {
  return db
    .select({
      id: approvalTasks.id,
      round: approvalTasks.round,
      stepIndex: approvalTasks.stepIndex,
      approverId: approvalTasks.approverId,
      approverName: approver.displayName,
      status: approvalTasks.status,
      originTaskId: approvalTasks.originTaskId,
      createdAt: approvalTasks.createdAt,
      actedAt: approvalTasks.actedAt,
      comment: approvalTasks.comment,
    })
    .from(approvalTasks)
    .innerJoin(approver, eq(approver.id, approvalTasks.approverId))
    .where(eq(approvalTasks.approvalId, approvalId))
    .orderBy(asc(approvalTasks.id));
}

export function listTimeline(db: Executor, approvalId: number) {
  return db
    .select({
      id: approvalActions.id,
      round: approvalActions.round,
      stepIndex: approvalActions.stepIndex,
      action: approvalActions.action,
      actorId: approvalActions.actorId,
      actorName: actor.displayName,
      comment: approvalActions.comment,
      targetUserId: approvalActions.targetUserId,
      targetUserName: target.displayName,
      at: approvalActions.at,
    })
    .from(approvalActions)
    .leftJoin(actor, eq(actor.id, approvalActions.actorId))
    .leftJoin(target, eq(target.id, approvalActions.targetUserId))
    .where(eq(approvalActions.approvalId, approvalId))
    .orderBy(asc(approvalActions.id));
}
