import type { ServiceContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import type { Locale } from '../../platform/i18n.js';
import type { ApprovalStatus } from './approval.enums.js';
import { subjectPathOf, typeLabel } from './approval.registry.js';
import {
  countPending,
  findVisibleApproval,
  listDone,
  listInbox,
  listRequested,
  listTasksOf,
  listTimeline,
  type PageRequest,
} from './inbox.repository.js';

type Reader = Pick<ServiceContext, 'db' | 'principal'>;

/** The label and web route every list row carries, from the in-memory type registry. */
function present<T extends { type: string; subjectId: string; requesterId: number; requesterName: string }>(row: T, locale: Locale) {
  const { requesterId, requesterName, ...rest } = row;
  return {
    ...rest,
    typeLabel: typeLabel(row.type, locale),
    subjectPath: subjectPathOf(row.type, row.subjectId),
    requester: { id: requesterId, displayName: requesterName },
  };
}

export async function inbox(ctx: Reader, locale: Locale, filter: { type?: string }, page: PageRequest) {
  const result = await listInbox(ctx.db, ctx.principal.userId, filter, page);
  return { total: result.total, items: result.items.map((row) => present(row, locale)) };
}

export async function requestedByMe(ctx: Reader, locale: Locale, filter: { status?: ApprovalStatus; type?: string }, page: PageRequest) {
  const result = await listRequested(ctx.db, ctx.principal.userId, filter, page);
  return { total: result.total, items: result.items.map((row) => present(row, locale)) };
}

export async function doneByMe(ctx: Reader, locale: Locale, page: PageRequest) {
  const result = await listDone(ctx.db, ctx.principal.userId, page);
  return { total: result.total, items: result.items.map((row) => present(row, locale)) };
}

export async function pendingCount(ctx: Reader): Promise<{ count: number }> {
  return { count: await countPending(ctx.db, ctx.principal.userId) };
}

/** The request page: payload, chain, tasks, timeline, who decides now and what the viewer may do. */
export async function approvalDetail(ctx: Reader, locale: Locale, id: number) {
  const me = ctx.principal.userId;
  const found = await findVisibleApproval(ctx.db, id, ctx.principal);
  if (!found) throw new AppError(PlatformErrors.notFound);
  const { approval, requesterName } = found;
  const [tasks, timeline] = await Promise.all([listTasksOf(ctx.db, id), listTimeline(ctx.db, id)]);
  const pending = tasks.filter((task) => task.round === approval.round && task.status === 'pending');
  const isRequester = approval.requesterId === me;
  return {
    id: approval.id,
    type: approval.type,
    typeLabel: typeLabel(approval.type, locale),
    subjectType: approval.subjectType,
    subjectId: approval.subjectId,
    subjectPath: subjectPathOf(approval.type, approval.subjectId),
    amount: approval.amount,
    summary: approval.summary,
    payload: approval.payload,
    status: approval.status,
    round: approval.round,
    currentStep: approval.currentStep,
    createdAt: approval.createdAt,
    decidedAt: approval.decidedAt,
    requester: { id: approval.requesterId, displayName: requesterName },
    chain: approval.chain,
    currentApprovers: pending.map((task) => ({ id: task.approverId, displayName: task.approverName })),
    tasks,
    timeline,
    can: {
      act: pending.some((task) => task.approverId === me && task.stepIndex === approval.currentStep),
      withdraw: isRequester && approval.status === 'pending',
      comment: isRequester || tasks.some((task) => task.approverId === me),
    },
  };
}
