import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, fen, id, ref, updatedAt } from '../../platform/db/columns.js';
import { geographies, users } from '../org/index.js';

export const expenseCategories = ['travel', 'entertainment', 'samples', 'promotion', 'other'] as const;
export type ExpenseCategory = (typeof expenseCategories)[number];

export const expenseCategoryLabels: Record<ExpenseCategory, { 'zh-CN': string; en: string }> = {
  travel: { 'zh-CN': '差旅', en: 'Travel' },
  entertainment: { 'zh-CN': '招待', en: 'Entertainment' },
  samples: { 'zh-CN': '样品', en: 'Samples' },
  promotion: { 'zh-CN': '促销', en: 'Promotion' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/**
 * draft → submitted (in approval) → approved → paid; or rejected, returned
 * (the claimant edits and resubmits) or withdrawn (editable, submitted anew).
 */
export const expenseClaimStatuses = ['draft', 'submitted', 'approved', 'paid', 'rejected', 'returned', 'withdrawn'] as const;
export type ExpenseClaimStatus = (typeof expenseClaimStatuses)[number];

export const expenseClaimStatusLabels: Record<ExpenseClaimStatus, { 'zh-CN': string; en: string }> = {
  draft: { 'zh-CN': '草稿', en: 'draft' },
  submitted: { 'zh-CN': '审批中', en: 'in approval' },
  approved: { 'zh-CN': '已批准', en: 'approved' },
  paid: { 'zh-CN': '已付款', en: 'paid' },
  rejected: { 'zh-CN': '已驳回', en: 'rejected' },
  returned: { 'zh-CN': '退回修改', en: 'returned for changes' },
  withdrawn: { 'zh-CN': '已撤回', en: 'withdrawn' },
};

/** Where the claimant may still change the claim and (re)submit it. */
export const editableStatuses: readonly ExpenseClaimStatus[] = ['draft', 'returned', 'withdrawn'];
/** Where an approval is awaiting a decision, so the claimant may still pull it back. */
export const withdrawableStatuses: readonly ExpenseClaimStatus[] = ['submitted'];

/** CNY 1,000,000 in fen: the largest single claim. */
export const maxClaimAmount = 100_000_000;

/** PLN-5 (expenses): a sales expense claim (销售费用报销). */
export const expenseClaims = pgTable(
  'expense_claims',
  {
    id: id(),
    claimantId: ref('claimant_id')
      .notNull()
      .references(() => users.id),
    /** The claimant's geography when filed, so the claim stays in that market's scope after a transfer. */
    geographyId: ref('geography_id').references(() => geographies.id),
    claimDate: date('claim_date', { mode: 'string' }).notNull(),
    category: text('category', { enum: expenseCategories }).notNull(),
    amount: fen('amount').notNull(),
    /** The customers module comes later; until then the id is kept without a foreign key. */
    customerId: ref('customer_id'),
    description: text('description').notNull(),
    status: text('status', { enum: expenseClaimStatuses }).notNull().default('draft'),
    approvalId: ref('approval_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    paidBy: ref('paid_by').references(() => users.id),
    paymentReference: text('payment_reference'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('expense_claims_claimant_idx').on(t.claimantId, t.claimDate),
    index('expense_claims_geography_idx').on(t.geographyId, t.claimDate),
    index('expense_claims_status_idx').on(t.status, t.claimDate),
    uniqueIndex('expense_claims_approval_key').on(t.approvalId),
    check('expense_claims_amount_check', sql`${t.amount} > 0 AND ${t.amount} <= ${sql.raw(String(maxClaimAmount))}`),
    check('expense_claims_paid_check', sql`(${t.status} = 'paid') = (${t.paidAt} IS NOT NULL)`),
  ],
);
