import type { ServiceContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { emitEvent } from '../../platform/events/index.js';
import { type ApprovalReturnedPayload, auditApproval, finishApproval, notifyAbout, openNextStep, subjectOf } from './approval.flow.js';
import {
  type ApprovalRow,
  cancelPendingTasks,
  closeTask,
  insertActions,
  insertTasks,
  isApprover,
  listRoundTasks,
  lockApproval,
  type NewAction,
  type TaskRow,
  updateApproval,
} from './approval.repository.js';
import { ApprovalErrors } from './approvals.errors.js';
import { findRequester } from './chain.repository.js';

/** The original task and the ones standing in for it (transfer, escalation) fill one seat of a step. */
const seatOf = (task: TaskRow) => task.originTaskId ?? task.id;

interface MyTurn {
  tx: Tx;
  approval: ApprovalRow;
  task: TaskRow;
  /** The round's tasks as they stand after the lock. */
  tasks: TaskRow[];
  me: number;
}

function requireReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw new AppError(ApprovalErrors.reasonRequired, {}, { field: 'reason' });
  return trimmed;
}

function action(turn: Pick<MyTurn, 'approval' | 'me'>, kind: NewAction['action'], extra: Partial<NewAction> = {}): NewAction {
  const { approval, me } = turn;
  return { approvalId: approval.id, round: approval.round, stepIndex: approval.currentStep, actorId: me, action: kind, ...extra };
}

/**
 * Runs a decision of the current approver. The approval row is locked first,
 * then the caller's task is read again: of two people deciding one step at
 * once, the second finds the step already decided and gets a conflict.
 * Anyone who never had a task here (or handed theirs on) reads 404.
 */
async function asCurrentApprover(ctx: ServiceContext, approvalId: number, decide: (turn: MyTurn) => Promise<void>): Promise<void> {
  const me = ctx.principal.userId;
  await ctx.db.transaction(async (tx) => {
    const approval = await lockApproval(tx, approvalId);
    if (!approval) throw new AppError(PlatformErrors.notFound);
    const tasks = await listRoundTasks(tx, approval.id, approval.round);
    const mine = tasks.filter((task) => task.approverId === me);
    const task =
      approval.status === 'pending' ? mine.find((t) => t.status === 'pending' && t.stepIndex === approval.currentStep) : undefined;
    if (!task) {
      if (mine.some((t) => t.status !== 'transferred')) throw new AppError(ApprovalErrors.alreadyDecided);
      throw new AppError(PlatformErrors.notFound);
    }
    await decide({ tx, approval, task, tasks, me });
  });
}

export function approve(ctx: ServiceContext, approvalId: number, input: { comment?: string }): Promise<void> {
  return asCurrentApprover(ctx, approvalId, async (turn) => {
    const { tx, approval, task, tasks, me } = turn;
    const step = approval.chain[approval.currentStep];
    await closeTask(tx, task.id, 'approved', input.comment?.trim() || null);
    await cancelPendingTasks(tx, approval.id, approval.round, { originOf: seatOf(task), except: task.id });
    let stepDone = true;
    if (step?.mode === 'countersign') {
      stepDone = !tasks.some((t) => t.stepIndex === task.stepIndex && t.status === 'pending' && seatOf(t) !== seatOf(task));
    } else {
      await cancelPendingTasks(tx, approval.id, approval.round, { stepIndex: task.stepIndex });
    }
    await insertActions(tx, [action(turn, 'approved', { comment: input.comment?.trim() || null })]);
    const after = stepDone ? await openNextStep(tx, approval, approval.currentStep + 1, me) : approval;
    await auditApproval(tx, ctx.actor, 'approve', approval, after, { taskId: task.id });
  });
}

export function reject(ctx: ServiceContext, approvalId: number, input: { reason: string }): Promise<void> {
  const reason = requireReason(input.reason);
  return asCurrentApprover(ctx, approvalId, async (turn) => {
    const { tx, approval, task, me } = turn;
    await closeTask(tx, task.id, 'rejected', reason);
    await cancelPendingTasks(tx, approval.id, approval.round);
    await insertActions(tx, [action(turn, 'rejected', { comment: reason })]);
    const after = await finishApproval(tx, approval, 'rejected', me);
    await auditApproval(tx, ctx.actor, 'reject', approval, after, { taskId: task.id, reason });
  });
}

/** Back to the requester for changes; the owning module resubmits, which restarts the chain. */
export function returnForChanges(ctx: ServiceContext, approvalId: number, input: { reason: string }): Promise<void> {
  const reason = requireReason(input.reason);
  return asCurrentApprover(ctx, approvalId, async (turn) => {
    const { tx, approval, task, me } = turn;
    await closeTask(tx, task.id, 'returned', reason);
    await cancelPendingTasks(tx, approval.id, approval.round);
    await insertActions(tx, [action(turn, 'returned', { comment: reason })]);
    const after = await updateApproval(tx, approval.id, { status: 'returned' });
    const payload: ApprovalReturnedPayload = { ...subjectOf(after), by: me, reason };
    await emitEvent(tx, 'approval.returned', { ...payload });
    await notifyAbout(tx, after, [after.requesterId], 'approval.returned');
    await auditApproval(tx, ctx.actor, 'return', approval, after, { taskId: task.id, reason });
  });
}

export function transfer(ctx: ServiceContext, approvalId: number, input: { targetUserId: number; comment?: string }): Promise<void> {
  return asCurrentApprover(ctx, approvalId, async (turn) => {
    const { tx, approval, task, tasks } = turn;
    const target = await findRequester(tx, input.targetUserId);
    if (target?.status !== 'active' || target.id === approval.requesterId) {
      throw new AppError(ApprovalErrors.transferTargetInvalid, {}, { field: 'targetUserId' });
    }
    if (tasks.some((t) => t.stepIndex === task.stepIndex && t.status === 'pending' && t.approverId === target.id)) {
      throw new AppError(ApprovalErrors.transferTargetOnStep, {}, { field: 'targetUserId' });
    }
    const comment = input.comment?.trim() || null;
    await closeTask(tx, task.id, 'transferred', comment);
    const [created] = await insertTasks(tx, [
      { approvalId: approval.id, round: approval.round, stepIndex: task.stepIndex, approverId: target.id, originTaskId: seatOf(task) },
    ]);
    await insertActions(tx, [action(turn, 'transferred', { comment, targetUserId: target.id })]);
    await notifyAbout(tx, approval, [target.id], 'approval.task');
    await auditApproval(tx, ctx.actor, 'transfer', approval, approval, {
      taskId: task.id,
      newTaskId: created?.id,
      targetUserId: target.id,
    });
  });
}

/** The requester takes the request back while it is still pending. */
export async function withdraw(ctx: ServiceContext, approvalId: number, input: { comment?: string }): Promise<void> {
  const me = ctx.principal.userId;
  await ctx.db.transaction(async (tx) => {
    const approval = await lockApproval(tx, approvalId);
    if (approval?.requesterId !== me) throw new AppError(PlatformErrors.notFound);
    if (approval.status !== 'pending') throw new AppError(ApprovalErrors.notPending);
    await cancelPendingTasks(tx, approval.id, approval.round);
    await insertActions(tx, [action({ approval, me }, 'withdrawn', { comment: input.comment?.trim() || null })]);
    const after = await finishApproval(tx, approval, 'withdrawn', me);
    await auditApproval(tx, ctx.actor, 'withdraw', approval, after);
  });
}

/** The requester or anyone who has or had a task on the approval may add a remark to the timeline. */
export async function comment(ctx: ServiceContext, approvalId: number, input: { comment: string }): Promise<void> {
  const me = ctx.principal.userId;
  const text = input.comment.trim();
  if (!text) throw new AppError(ApprovalErrors.commentRequired, {}, { field: 'comment' });
  await ctx.db.transaction(async (tx) => {
    const approval = await lockApproval(tx, approvalId);
    if (!approval) throw new AppError(PlatformErrors.notFound);
    const participant = approval.requesterId === me || (await isApprover(tx, approval.id, me));
    if (!participant) throw new AppError(PlatformErrors.notFound);
    const stepIndex = approval.status === 'pending' ? approval.currentStep : null;
    await insertActions(tx, [action({ approval, me }, 'commented', { comment: text, stepIndex })]);
    await auditApproval(tx, ctx.actor, 'comment', approval, approval, { comment: text });
  });
}
