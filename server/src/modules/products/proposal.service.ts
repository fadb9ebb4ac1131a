import { hasPermission, type Principal } from '../../platform/access/principal.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { findCategory } from './category.repository.js';
import type { ProposalStatus } from './products.enums.js';
import { ProductErrors } from './products.errors.js';
import { ProductPermissions } from './products.permissions.js';
import { blankToNull, requiredText } from './products.rules.js';
import { insertProposal, listProposals, lockProposal, type ProposalRow, updateProposalRow } from './proposal.repository.js';

type ReadContext = Pick<ServiceContext, 'db' | 'principal'>;
const entity = 'product_proposal';

export interface ProposalInput {
  title: string;
  description: string;
  categoryId?: number | null;
  expectedVolume?: number | null;
  targetPriceFen?: number | null;
}

const statusText: Record<ProposalStatus, { 'zh-CN': string; en: string }> = {
  draft: { 'zh-CN': '草稿', en: 'a draft' },
  submitted: { 'zh-CN': '提交', en: 'submitted' },
  accepted: { 'zh-CN': '采纳', en: 'accepted' },
  rejected: { 'zh-CN': '驳回', en: 'rejected' },
};

function readerOf(principal: Principal) {
  const reviewer = hasPermission(principal, ProductPermissions['proposals.review']);
  if (!reviewer && !hasPermission(principal, ProductPermissions['proposals.submit'])) {
    throw new AppError(PlatformErrors.forbidden, { permission: ProductPermissions['proposals.submit'] });
  }
  return { userId: principal.userId, reviewer };
}

export function searchProposals(
  ctx: ReadContext,
  filter: { status?: ProposalStatus; keyword?: string; mine?: boolean },
  page: { limit: number; offset: number },
) {
  const reader = readerOf(ctx.principal);
  return listProposals(
    ctx.db,
    { status: filter.status, keyword: filter.keyword?.trim() || undefined, proposerId: filter.mine ? reader.userId : undefined, reader },
    page,
  );
}

/** Someone else's draft, or any proposal of others for a non-reviewer, reads as missing. */
export async function getProposal(ctx: ReadContext, id: number) {
  const { items } = await listProposals(ctx.db, { id, reader: readerOf(ctx.principal) }, { limit: 1, offset: 0 });
  const [proposal] = items;
  if (!proposal) throw new AppError(PlatformErrors.notFound);
  return proposal;
}

async function assertCategory(ctx: ServiceContext, categoryId: number | null | undefined) {
  if (categoryId && !(await findCategory(ctx.db, categoryId))) {
    throw new AppError(ProductErrors.referenceMissing, { field: 'categoryId' }, { field: 'categoryId' });
  }
}

export async function createProposal(ctx: ServiceContext, input: ProposalInput & { submit?: boolean }) {
  const title = requiredText(input.title, 'title');
  const description = requiredText(input.description, 'description');
  await assertCategory(ctx, input.categoryId);
  const id = await ctx.db.transaction(async (tx) => {
    const row = await insertProposal(tx, {
      title,
      description,
      proposerId: ctx.principal.userId,
      categoryId: input.categoryId ?? null,
      expectedVolume: input.expectedVolume ?? null,
      targetPriceFen: input.targetPriceFen ?? null,
      status: input.submit ? 'submitted' : 'draft',
      submittedAt: input.submit ? new Date() : null,
    });
    await writeAudit(tx, ctx.actor, { entity, entityId: row.id, action: 'create', after: row });
    return row.id;
  });
  return getProposal(ctx, id);
}

/** The proposer's own draft only; once submitted it belongs to the review. */
async function lockOwnDraft(ctx: ServiceContext, tx: Executor, id: number): Promise<ProposalRow> {
  const before = await lockProposal(tx, id);
  if (!before || before.proposerId !== ctx.principal.userId) throw new AppError(PlatformErrors.notFound);
  if (before.status !== 'draft') throw new AppError(ProductErrors.proposalNotEditable, { status: statusText[before.status] });
  return before;
}

export async function updateProposal(ctx: ServiceContext, id: number, input: Partial<ProposalInput>) {
  const title = requiredText(input.title, 'title');
  const description = requiredText(input.description, 'description');
  await assertCategory(ctx, input.categoryId);
  await ctx.db.transaction(async (tx) => {
    const before = await lockOwnDraft(ctx, tx, id);
    const after = await updateProposalRow(tx, id, {
      title,
      description,
      categoryId: input.categoryId,
      expectedVolume: input.expectedVolume,
      targetPriceFen: input.targetPriceFen,
    });
    await writeAudit(tx, ctx.actor, { entity, entityId: id, action: 'update', before, after });
  });
  return getProposal(ctx, id);
}

export async function submitProposal(ctx: ServiceContext, id: number) {
  await ctx.db.transaction(async (tx) => {
    const before = await lockOwnDraft(ctx, tx, id);
    const after = await updateProposalRow(tx, id, { status: 'submitted', submittedAt: new Date() });
    await writeAudit(tx, ctx.actor, { entity, entityId: id, action: 'submit', before, after });
  });
  return getProposal(ctx, id);
}

export async function reviewProposal(
  ctx: ServiceContext,
  id: number,
  input: { decision: 'accepted' | 'rejected'; comment?: string | null },
) {
  const comment = blankToNull(input.comment) ?? null;
  if (input.decision === 'rejected' && !comment)
    throw new AppError(ProductErrors.reviewCommentRequired, { field: 'comment' }, { field: 'comment' });
  await ctx.db.transaction(async (tx) => {
    const before = await lockProposal(tx, id);
    if (!before || (before.status === 'draft' && before.proposerId !== ctx.principal.userId)) throw new AppError(PlatformErrors.notFound);
    if (before.status !== 'submitted') throw new AppError(ProductErrors.proposalNotSubmitted, { status: statusText[before.status] });
    const after = await updateProposalRow(tx, id, {
      status: input.decision,
      reviewerId: ctx.principal.userId,
      reviewComment: comment,
      reviewedAt: new Date(),
    });
    await writeAudit(tx, ctx.actor, { entity, entityId: id, action: 'review', before, after });
  });
  return getProposal(ctx, id);
}
