import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, fen, id, ref, updatedAt } from '../../platform/db/columns.js';
import { users } from '../org/index.js';
import { proposalStatuses } from './products.enums.js';
import { productCategories } from './products.schema.js';

/** PRD-1 新产品开发建议书: a product idea from the field, reviewed by product or marketing managers. */
export const productProposals = pgTable(
  'product_proposals',
  {
    id: id(),
    title: text('title').notNull(),
    proposerId: ref('proposer_id')
      .notNull()
      .references(() => users.id),
    categoryId: ref('category_id').references(() => productCategories.id),
    description: text('description').notNull(),
    /** Expected yearly volume in base units. */
    expectedVolume: integer('expected_volume'),
    targetPriceFen: fen('target_price_fen'),
    status: text('status', { enum: proposalStatuses }).notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewerId: ref('reviewer_id').references(() => users.id),
    reviewComment: text('review_comment'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('product_proposals_proposer_idx').on(t.proposerId, t.id),
    index('product_proposals_status_idx').on(t.status, t.id),
    check('product_proposals_volume_check', sql`${t.expectedVolume} IS NULL OR ${t.expectedVolume} >= 0`),
    check('product_proposals_price_check', sql`${t.targetPriceFen} IS NULL OR ${t.targetPriceFen} >= 0`),
  ],
);
