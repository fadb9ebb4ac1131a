import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { notify } from '../../platform/notifications/index.js';
import { type ApprovalDecidedPayload, requestApproval, resubmitApproval } from '../approvals/index.js';
import { cleanText } from './account.input.js';
import { lockAccount, updateAccountRow } from './account.repository.js';
import { CustomerErrors } from './customers.errors.js';
import type { DisputeStatus } from './customers.schema.js';
import {
  approvalStatusOf,
  findCommonSuperior,
  findDispute,
  findOpenDispute,
  insertDispute,
  listDisputes,
  lockDispute,
  updateDispute,
} from './dispute.repository.js';
import { accountEntity } from './history.repository.js';
import { insertPoolEvents } from './pool.repository.js';
import { accountLink } from './pool.service.js';

export const disputeApprovalType = 'customer.ownership-dispute';
export const disputeSubject = 'account_dispute';

/**
 * CUS-2 争议处理: a rep who was refused an account as a duplicate claims it.
 * The dispute names the common superior of both reps, who decides it in approval;
 * the account moves when the approval is granted (onDisputeDecided).
 * The account is usually outside the claimant's scope, so it is found by id
 * (the duplicate answer names it) and only its code and name are echoed.
 */
export async function fileDispute(ctx: ServiceContext, accountId: number, input: { reason: string }) {
  const reason = cleanText(input.reason, 'reason');
  const me = ctx.principal.userId;
  const id = await ctx.db.transaction(async (tx) => {
    const account = await lockAccount(tx, accountId);
    if (!account) throw new AppError(PlatformErrors.notFound);
    if (account.ownerUserId === null) throw new AppError(CustomerErrors.inPool);
    if (account.ownerUserId === me) throw new AppError(CustomerErrors.disputeOwnAccount);
    const superior = await findCommonSuperior(tx, me, account.ownerUserId);
    // Without a common superior (a broken reporting line) the engine falls back to the claimant's direct superior.
    const approverIds = superior ? [superior.id] : [];
    const payload = {
      account: { id: account.id, code: account.code, name: account.name },
      claimant: { id: me, displayName: ctx.principal.displayName },
      ownerUserId: account.ownerUserId,
      commonSuperior: superior,
      reason,
    };
    const summary = `${account.code} ${account.name}`;
    const open = await findOpenDispute(tx, accountId, me);
    if (open) {
      // Returned for more evidence: the same dispute goes back into its approval with the new reason.
      if (open.approvalId === null || (await approvalStatusOf(tx, open.approvalId)) !== 'returned')
        throw new AppError(CustomerErrors.disputeOpen);
      await resubmitApproval(tx, ctx.actor, {
        approvalId: open.approvalId,
        payload: { disputeId: open.id, ...payload },
        amount: null,
        summary,
        approverIds,
      });
      const refiled = await updateDispute(tx, open.id, {
        reason,
        ownerUserId: account.ownerUserId,
        commonSuperiorUserId: superior?.id ?? null,
      });
      await writeAudit(tx, ctx.actor, {
        entity: accountEntity,
        entityId: accountId,
        action: 'dispute.resubmit',
        before: open,
        after: refiled,
      });
      return open.id;
    }
    const dispute = await insertDispute(tx, {
      accountId,
      claimantUserId: me,
      ownerUserId: account.ownerUserId,
      commonSuperiorUserId: superior?.id ?? null,
      reason,
    });
    const opened = await requestApproval(tx, ctx.actor, {
      type: disputeApprovalType,
      subjectType: disputeSubject,
      subjectId: dispute.id,
      amount: null,
      requesterId: me,
      summary,
      payload: { disputeId: dispute.id, ...payload },
      approverIds,
    });
    const filed = await updateDispute(tx, dispute.id, { approvalId: opened.approvalId });
    await writeAudit(tx, ctx.actor, { entity: accountEntity, entityId: accountId, action: 'dispute.file', after: filed });
    return filed.id;
  });
  return getDispute(ctx, id);
}

export async function getDispute(ctx: Pick<ServiceContext, 'db' | 'principal'>, id: number) {
  const dispute = await findDispute(ctx.db, ctx.principal.scope, ctx.principal.userId, id);
  if (!dispute) throw new AppError(PlatformErrors.notFound);
  return dispute;
}

export function searchDisputes(
  ctx: Pick<ServiceContext, 'db' | 'principal'>,
  filter: { status?: DisputeStatus; accountId?: number },
  page: { limit: number; offset: number },
) {
  return listDisputes(ctx.db, ctx.principal.scope, filter, page);
}

const outcomeStatus: Record<ApprovalDecidedPayload['outcome'], DisputeStatus> = {
  approved: 'approved',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};

/** The approval ended: on approval the account moves to the claimant, whoever holds it now. Runs once per decision (outbox). */
export async function onDisputeDecided(tx: Tx, decided: ApprovalDecidedPayload): Promise<void> {
  const dispute = await lockDispute(tx, Number(decided.subjectId));
  if (dispute?.status !== 'pending') return;
  const actor = { userId: decided.decidedBy };
  const after = await updateDispute(tx, dispute.id, { status: outcomeStatus[decided.outcome], decidedAt: new Date(decided.at) });
  await writeAudit(tx, actor, {
    entity: accountEntity,
    entityId: dispute.accountId,
    action: `dispute.${after.status}`,
    before: dispute,
    after,
  });
  if (decided.outcome !== 'approved') return;
  const before = await lockAccount(tx, dispute.accountId);
  if (!before || before.ownerUserId === dispute.claimantUserId) return;
  const moved = await updateAccountRow(tx, dispute.accountId, {
    ownerUserId: dispute.claimantUserId,
    ownedSince: new Date(),
    poolEnteredAt: null,
    locked: false,
  });
  await insertPoolEvents(tx, [
    {
      accountId: moved.id,
      kind: 'disputed',
      fromUserId: before.ownerUserId,
      toUserId: moved.ownerUserId,
      reason: dispute.reason,
      actorUserId: decided.decidedBy,
    },
  ]);
  await writeAudit(tx, actor, {
    entity: accountEntity,
    entityId: moved.id,
    action: 'disputed',
    before: { ownerUserId: before.ownerUserId, locked: before.locked },
    after: { ownerUserId: moved.ownerUserId, disputeId: dispute.id },
  });
  if (before.ownerUserId !== null) {
    await notify(tx, [
      {
        userId: before.ownerUserId,
        kind: 'customers.ownership',
        title: {
          'zh-CN': `归属争议裁定：客户 ${moved.code} ${moved.name} 改由他人负责`,
          en: `Ownership dispute decided: ${moved.code} ${moved.name} moves to another owner`,
        },
        link: accountLink(moved.id),
      },
    ]);
  }
}
