import { aliasedTable, and, count, desc, eq, ilike, ne, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { containsPattern } from '../../platform/db/like.js';
import { users } from '../org/index.js';
import type { ProposalStatus } from './products.enums.js';
import { productCategories } from './products.schema.js';
import { productProposals } from './proposal.schema.js';

export type ProposalRow = typeof productProposals.$inferSelect;
export type NewProposal = typeof productProposals.$inferInsert;

export interface ProposalFilter {
  id?: number;
  status?: ProposalStatus;
  keyword?: string;
  proposerId?: number;
  /** Who reads: a reviewer sees every proposal but others' drafts; anyone else only their own. */
  reader: { userId: number; reviewer: boolean };
}

const reviewers = aliasedTable(users, 'reviewers');

export async function listProposals(db: Executor, filter: ProposalFilter, page: { limit: number; offset: number }) {
  const conditions: (SQL | undefined)[] = [
    filter.reader.reviewer
      ? or(eq(productProposals.proposerId, filter.reader.userId), ne(productProposals.status, 'draft'))
      : eq(productProposals.proposerId, filter.reader.userId),
  ];
  if (filter.id) conditions.push(eq(productProposals.id, filter.id));
  if (filter.status) conditions.push(eq(productProposals.status, filter.status));
  if (filter.proposerId) conditions.push(eq(productProposals.proposerId, filter.proposerId));
  if (filter.keyword) conditions.push(ilike(productProposals.title, containsPattern(filter.keyword)));
  const where = and(...conditions);
  const items = await db
    .select({
      id: productProposals.id,
      title: productProposals.title,
      proposerId: productProposals.proposerId,
      proposerName: users.displayName,
      categoryId: productProposals.categoryId,
      categoryName: productCategories.name,
      description: productProposals.description,
      expectedVolume: productProposals.expectedVolume,
      targetPriceFen: productProposals.targetPriceFen,
      status: productProposals.status,
      submittedAt: productProposals.submittedAt,
      reviewerId: productProposals.reviewerId,
      reviewerName: reviewers.displayName,
      reviewComment: productProposals.reviewComment,
      reviewedAt: productProposals.reviewedAt,
      createdAt: productProposals.createdAt,
      updatedAt: productProposals.updatedAt,
    })
    .from(productProposals)
    .innerJoin(users, eq(users.id, productProposals.proposerId))
    .leftJoin(reviewers, eq(reviewers.id, productProposals.reviewerId))
    .leftJoin(productCategories, eq(productCategories.id, productProposals.categoryId))
    .where(where)
    .orderBy(desc(productProposals.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(productProposals).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function lockProposal(db: Executor, id: number): Promise<ProposalRow | null> {
  const [row] = await db.select().from(productProposals).where(eq(productProposals.id, id)).for('update');
  return row ?? null;
}

export async function insertProposal(db: Executor, values: NewProposal): Promise<ProposalRow> {
  const [row] = await db.insert(productProposals).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateProposalRow(db: Executor, id: number, values: Partial<NewProposal>): Promise<ProposalRow> {
  const [row] = await db
    .update(productProposals)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(productProposals.id, id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}
