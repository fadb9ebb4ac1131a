import { and, asc, count, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DataScope } from '../../platform/access/principal.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import { attachments } from '../../platform/files/index.js';
import { geographies, users } from '../org/index.js';
import { type ExpenseCategory, type ExpenseClaimStatus, expenseClaims } from './expense-claim.schema.js';

export type ExpenseClaimRow = typeof expenseClaims.$inferSelect;
export type NewExpenseClaim = typeof expenseClaims.$inferInsert;

const payer = alias(users, 'payer');

export const claimView = {
  id: expenseClaims.id,
  claimantId: expenseClaims.claimantId,
  claimantName: users.displayName,
  geographyId: expenseClaims.geographyId,
  geographyName: geographies.name,
  date: expenseClaims.claimDate,
  category: expenseClaims.category,
  amount: expenseClaims.amount,
  customerId: expenseClaims.customerId,
  description: expenseClaims.description,
  status: expenseClaims.status,
  approvalId: expenseClaims.approvalId,
  attachmentCount: sql<number>`(SELECT count(*)::int FROM ${attachments}
    WHERE ${attachments.ownerEntity} = 'expense_claim' AND ${attachments.ownerId} = ${expenseClaims.id}::text)`,
  submittedAt: expenseClaims.submittedAt,
  decidedAt: expenseClaims.decidedAt,
  paidAt: expenseClaims.paidAt,
  paidBy: expenseClaims.paidBy,
  paidByName: payer.displayName,
  paymentReference: expenseClaims.paymentReference,
  createdAt: expenseClaims.createdAt,
  updatedAt: expenseClaims.updatedAt,
};

export interface ExpenseClaimFilter {
  status?: ExpenseClaimStatus;
  category?: ExpenseCategory;
  claimantId?: number;
  dateFrom?: string;
  dateTo?: string;
}

export const claimSortColumns = {
  date: expenseClaims.claimDate,
  amount: expenseClaims.amount,
  createdAt: expenseClaims.createdAt,
  decidedAt: expenseClaims.decidedAt,
} as const;
export type ExpenseClaimSort = keyof typeof claimSortColumns;

const claimScopeColumns = { owner: expenseClaims.claimantId, geography: expenseClaims.geographyId };

function selectClaims(db: Executor) {
  return db
    .select(claimView)
    .from(expenseClaims)
    .innerJoin(users, eq(users.id, expenseClaims.claimantId))
    .leftJoin(geographies, eq(geographies.id, expenseClaims.geographyId))
    .leftJoin(payer, eq(payer.id, expenseClaims.paidBy));
}

export type ExpenseClaimView = Awaited<ReturnType<typeof selectClaims>>[number];

/** The claims a scope lets one see (ORG-4): the claimant's own, their team's, or those filed in their geography. */
export function claimScope(scope: DataScope): SQL | undefined {
  return scopeCondition(scope, claimScopeColumns);
}

function filterConditions(scope: DataScope, filter: ExpenseClaimFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [claimScope(scope)];
  if (filter.status) conditions.push(eq(expenseClaims.status, filter.status));
  if (filter.category) conditions.push(eq(expenseClaims.category, filter.category));
  if (filter.claimantId) conditions.push(eq(expenseClaims.claimantId, filter.claimantId));
  if (filter.dateFrom) conditions.push(gte(expenseClaims.claimDate, filter.dateFrom));
  if (filter.dateTo) conditions.push(lte(expenseClaims.claimDate, filter.dateTo));
  return and(...conditions);
}

export async function listClaims(
  db: Executor,
  scope: DataScope,
  filter: ExpenseClaimFilter,
  page: { limit: number; offset: number; sort: ExpenseClaimSort; order: 'asc' | 'desc' },
): Promise<{ items: ExpenseClaimView[]; total: number }> {
  const where = filterConditions(scope, filter);
  const direction = page.order === 'desc' ? desc : asc;
  const items = await selectClaims(db)
    .where(where)
    .orderBy(direction(claimSortColumns[page.sort]), direction(expenseClaims.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(expenseClaims).where(where);
  return { items, total: total?.n ?? 0 };
}

/** One claim, or null when missing or outside the scope (the caller answers 404 either way). */
export async function findClaim(db: Executor, scope: DataScope, id: number): Promise<ExpenseClaimView | null> {
  const [row] = await selectClaims(db).where(and(eq(expenseClaims.id, id), claimScope(scope)));
  return row ?? null;
}

export async function isClaimInScope(db: Executor, scope: DataScope, id: number): Promise<boolean> {
  const [row] = await db
    .select({ id: expenseClaims.id })
    .from(expenseClaims)
    .where(and(eq(expenseClaims.id, id), claimScope(scope)));
  return Boolean(row);
}

/** The claim row locked for a state change, so two transitions of one claim run one after the other. */
export async function lockClaim(db: Executor, id: number): Promise<ExpenseClaimRow | null> {
  const [row] = await db.select().from(expenseClaims).where(eq(expenseClaims.id, id)).for('update');
  return row ?? null;
}

export async function insertClaim(db: Executor, values: NewExpenseClaim): Promise<ExpenseClaimRow> {
  const [row] = await db.insert(expenseClaims).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateClaim(db: Executor, id: number, values: Partial<NewExpenseClaim>): Promise<ExpenseClaimRow> {
  const [row] = await db
    .update(expenseClaims)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(expenseClaims.id, id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

/**
 * Moves the claim of an approval from one of `from` to a new state; null when
 * it is no longer there (already moved), so a repeated outcome changes nothing.
 */
export async function transitionByApproval(
  db: Executor,
  input: { approvalId: number; claimId: number; from: ExpenseClaimStatus[]; values: Partial<NewExpenseClaim> },
) {
  const [before] = await db
    .select()
    .from(expenseClaims)
    .where(
      and(eq(expenseClaims.id, input.claimId), eq(expenseClaims.approvalId, input.approvalId), inArray(expenseClaims.status, input.from)),
    )
    .for('update');
  if (!before) return null;
  const after = await updateClaim(db, before.id, input.values);
  return { before, after };
}
