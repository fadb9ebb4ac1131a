import { isInScope } from '../../platform/access/scope.js';
import { type Actor, writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor, Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { attachmentsOf, setRecordAttachments } from '../../platform/files/index.js';
import { requestApproval, resubmitApproval, withdraw as withdrawApproval } from '../approvals/index.js';
import { ExpenseClaimErrors } from './expense-claim.errors.js';
import {
  type ExpenseClaimFilter,
  type ExpenseClaimRow,
  type ExpenseClaimSort,
  findClaim,
  insertClaim,
  listClaims,
  lockClaim,
  type NewExpenseClaim,
  transitionByApproval,
  updateClaim,
} from './expense-claim.repository.js';
import {
  type ExpenseCategory,
  type ExpenseClaimStatus,
  editableStatuses,
  expenseCategoryLabels,
  expenseClaimStatusLabels,
  withdrawableStatuses,
} from './expense-claim.schema.js';

export const expenseClaimEntity = 'expense_claim';
export const expenseApprovalType = 'expense.claim';

export interface ExpenseClaimSettings {
  /** How far back an expense may date when it is filed (the expense policy's reimbursement window). */
  maxAgeDays: number;
}

export const defaultExpenseClaimSettings: ExpenseClaimSettings = { maxAgeDays: 90 };

export interface ExpenseClaimInput {
  date: string;
  category: ExpenseCategory;
  amount: number;
  customerId?: number | null;
  description: string;
  attachmentIds?: number[];
}

const dayMs = 24 * 60 * 60 * 1000;
const businessTimeZone = 'Asia/Shanghai';

/** A calendar day as the company lives it (China time), whatever the server's zone. */
function businessDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: businessTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

function assertClaimDate(date: string, settings: ExpenseClaimSettings): void {
  const field = 'date';
  const now = new Date();
  const today = businessDay(now);
  if (date > today) throw new AppError(ExpenseClaimErrors.dateInFuture, { field, today }, { field });
  const earliest = businessDay(new Date(now.getTime() - settings.maxAgeDays * dayMs));
  if (date < earliest) {
    throw new AppError(ExpenseClaimErrors.dateTooOld, { field, days: settings.maxAgeDays, earliest }, { field });
  }
}

/** ¥1,234.50 from 123450 fen, in integers only. */
function formatYuan(fen: number): string {
  const yuan = Math.trunc(fen / 100).toLocaleString('en-US');
  return `¥${yuan}.${String(fen % 100).padStart(2, '0')}`;
}

const statusLabel = (status: ExpenseClaimStatus) => expenseClaimStatusLabels[status];

export async function getClaim(ctx: Pick<ServiceContext, 'db' | 'principal'>, id: number) {
  const claim = await findClaim(ctx.db, ctx.principal.scope, id);
  if (!claim) throw new AppError(PlatformErrors.notFound);
  return { ...claim, attachments: await attachmentsOf(ctx.db, expenseClaimEntity, id) };
}

export function searchClaims(
  ctx: Pick<ServiceContext, 'db' | 'principal'>,
  filter: ExpenseClaimFilter,
  page: { limit: number; offset: number; sort: ExpenseClaimSort; order: 'asc' | 'desc' },
) {
  return listClaims(ctx.db, ctx.principal.scope, filter, page);
}

/** The claim locked for a change by its claimant: out of scope reads as missing, someone else's as forbidden. */
async function lockOwnClaim(tx: Tx, ctx: ServiceContext, id: number): Promise<ExpenseClaimRow> {
  const claim = await lockClaim(tx, id);
  if (!claim || !isInScope(ctx.principal.scope, { ownerId: claim.claimantId, geographyId: claim.geographyId })) {
    throw new AppError(PlatformErrors.notFound);
  }
  if (claim.claimantId !== ctx.principal.userId) throw new AppError(ExpenseClaimErrors.notClaimant);
  return claim;
}

function assertEditable(claim: ExpenseClaimRow): void {
  if (!editableStatuses.includes(claim.status)) {
    throw new AppError(ExpenseClaimErrors.notEditable, { status: statusLabel(claim.status) }, { field: 'status' });
  }
}

/** What the approver decides on: the claim as it was when (re)submitted. */
async function snapshotOf(tx: Executor, claim: ExpenseClaimRow, claimantName: string) {
  const files = await attachmentsOf(tx, expenseClaimEntity, claim.id);
  return {
    claimId: claim.id,
    claimant: { id: claim.claimantId, displayName: claimantName },
    date: claim.claimDate,
    category: claim.category,
    amount: claim.amount,
    customerId: claim.customerId,
    description: claim.description,
    attachments: files.map((f) => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, size: f.size })),
  };
}

export function claimSummary(category: ExpenseCategory, amount: number): string {
  return `${expenseCategoryLabels[category]['zh-CN']} ${formatYuan(amount)}`;
}

/**
 * APR-1: sends the claim into the approval engine in the caller's
 * transaction; a returned claim resumes its approval, a new or withdrawn one opens one.
 */
export async function sendToApproval(tx: Tx, actor: Actor, claim: ExpenseClaimRow, claimantName: string): Promise<ExpenseClaimRow> {
  const payload = await snapshotOf(tx, claim, claimantName);
  const summary = claimSummary(claim.category, claim.amount);
  let values: Partial<NewExpenseClaim>;
  if (claim.status === 'returned' && claim.approvalId !== null) {
    await resubmitApproval(tx, actor, { approvalId: claim.approvalId, payload, amount: claim.amount, summary });
    values = { status: 'submitted', submittedAt: new Date() };
  } else {
    const opened = await requestApproval(tx, actor, {
      type: expenseApprovalType,
      subjectType: expenseClaimEntity,
      subjectId: claim.id,
      amount: claim.amount,
      requesterId: claim.claimantId,
      summary,
      payload,
    });
    // An empty chain (nobody above the claimant) approves at once.
    const approvedNow = opened.status === 'approved';
    values = {
      status: approvedNow ? 'approved' : 'submitted',
      approvalId: opened.approvalId,
      submittedAt: new Date(),
      decidedAt: approvedNow ? new Date() : null,
    };
  }
  const after = await updateClaim(tx, claim.id, values);
  await writeAudit(tx, actor, { entity: expenseClaimEntity, entityId: claim.id, action: 'submit', before: claim, after });
  return after;
}

export async function createClaim(
  ctx: ServiceContext,
  input: ExpenseClaimInput & { submit?: boolean },
  settings: ExpenseClaimSettings = defaultExpenseClaimSettings,
) {
  assertClaimDate(input.date, settings);
  const id = await ctx.db.transaction(async (tx) => {
    const created = await insertClaim(tx, {
      claimantId: ctx.principal.userId,
      geographyId: ctx.principal.geographyId,
      claimDate: input.date,
      category: input.category,
      amount: input.amount,
      customerId: input.customerId ?? null,
      description: input.description,
    });
    await setRecordAttachments(tx, ctx.actor, {
      userId: ctx.principal.userId,
      ownerEntity: expenseClaimEntity,
      ownerId: created.id,
      ids: input.attachmentIds ?? [],
      field: 'attachmentIds',
    });
    await writeAudit(tx, ctx.actor, {
      entity: expenseClaimEntity,
      entityId: created.id,
      action: 'create',
      after: { ...created, attachmentIds: input.attachmentIds ?? [] },
    });
    if (input.submit) await sendToApproval(tx, ctx.actor, created, ctx.principal.displayName);
    return created.id;
  });
  return getClaim(ctx, id);
}

export async function updateClaimDraft(
  ctx: ServiceContext,
  id: number,
  input: Partial<ExpenseClaimInput>,
  settings: ExpenseClaimSettings = defaultExpenseClaimSettings,
) {
  await ctx.db.transaction(async (tx) => {
    const before = await lockOwnClaim(tx, ctx, id);
    assertEditable(before);
    // The window applies when a date is set; an unchanged date may have aged while the claim sat in approval.
    if (input.date !== undefined && input.date !== before.claimDate) assertClaimDate(input.date, settings);
    const { attachmentIds, date, ...fields } = input;
    const after = await updateClaim(tx, id, { ...fields, ...(date === undefined ? {} : { claimDate: date }) });
    if (attachmentIds) {
      await setRecordAttachments(tx, ctx.actor, {
        userId: ctx.principal.userId,
        ownerEntity: expenseClaimEntity,
        ownerId: id,
        ids: attachmentIds,
        field: 'attachmentIds',
      });
    }
    await writeAudit(tx, ctx.actor, {
      entity: expenseClaimEntity,
      entityId: id,
      action: 'update',
      before,
      after: attachmentIds ? { ...after, attachmentIds } : after,
    });
  });
  return getClaim(ctx, id);
}

export async function submitClaim(ctx: ServiceContext, id: number) {
  await ctx.db.transaction(async (tx) => {
    const claim = await lockOwnClaim(tx, ctx, id);
    assertEditable(claim);
    await sendToApproval(tx, ctx.actor, claim, ctx.principal.displayName);
  });
  return getClaim(ctx, id);
}

/** The claimant pulls the claim out of approval; the engine's withdrawal runs inside this transaction (a savepoint). */
export async function withdrawClaim(ctx: ServiceContext, id: number) {
  await ctx.db.transaction(async (tx) => {
    const before = await lockOwnClaim(tx, ctx, id);
    if (!withdrawableStatuses.includes(before.status) || before.approvalId === null) {
      throw new AppError(ExpenseClaimErrors.notWithdrawable, { status: statusLabel(before.status) }, { field: 'status' });
    }
    await withdrawApproval({ ...ctx, db: tx }, before.approvalId, {});
    const after = await updateClaim(tx, id, { status: 'withdrawn', decidedAt: new Date() });
    await writeAudit(tx, ctx.actor, { entity: expenseClaimEntity, entityId: id, action: 'withdraw', before, after });
  });
  return getClaim(ctx, id);
}

export async function payClaim(ctx: ServiceContext, id: number, paymentReference: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await lockClaim(tx, id);
    if (!before || !isInScope(ctx.principal.scope, { ownerId: before.claimantId, geographyId: before.geographyId })) {
      throw new AppError(PlatformErrors.notFound);
    }
    if (before.status !== 'approved') {
      throw new AppError(ExpenseClaimErrors.notPayable, { status: statusLabel(before.status) }, { field: 'status' });
    }
    const after = await updateClaim(tx, id, { status: 'paid', paidAt: new Date(), paidBy: ctx.principal.userId, paymentReference });
    await writeAudit(tx, ctx.actor, { entity: expenseClaimEntity, entityId: id, action: 'pay', before, after });
  });
  return getClaim(ctx, id);
}

const outcomeStatus = { approved: 'approved', rejected: 'rejected', withdrawn: 'withdrawn' } as const;

/** Applies the engine's decision, in the delivery's transaction; a claim already past 'submitted' is left alone. */
export async function recordApprovalOutcome(
  tx: Tx,
  outcome: { approvalId: number; subjectId: string | number; outcome: keyof typeof outcomeStatus; decidedBy: number | null; at?: string },
): Promise<void> {
  const moved = await transitionByApproval(tx, {
    approvalId: outcome.approvalId,
    claimId: Number(outcome.subjectId),
    from: ['submitted'],
    values: { status: outcomeStatus[outcome.outcome], decidedAt: outcome.at ? new Date(outcome.at) : new Date() },
  });
  if (!moved) return;
  const actor: Actor = { userId: outcome.decidedBy };
  await writeAudit(tx, actor, { entity: expenseClaimEntity, entityId: moved.after.id, action: outcome.outcome, ...moved });
}

/** The approver sent the claim back: the claimant may now edit it and resubmit. */
export async function recordApprovalReturned(
  tx: Tx,
  returned: { approvalId: number; subjectId: string | number; by: number | null },
): Promise<void> {
  const moved = await transitionByApproval(tx, {
    approvalId: returned.approvalId,
    claimId: Number(returned.subjectId),
    from: ['submitted'],
    values: { status: 'returned' },
  });
  if (!moved) return;
  await writeAudit(tx, { userId: returned.by }, { entity: expenseClaimEntity, entityId: moved.after.id, action: 'returned', ...moved });
}
