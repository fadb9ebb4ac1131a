import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, fen, id, ref, updatedAt } from '../../platform/db/columns.js';
import { geographies, users } from '../org/index.js';
import { accountGrades, accountKinds, accountSources, accountStatuses, creditRatings, partyTypes } from './account.enums.js';

/**
 * CUS-1 客户档案 (每户一卡): one row per party the company deals with.
 * An account with no owner is in the public pool (CUS-12).
 */
export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** Name with spaces, punctuation and legal-form suffixes removed, lower-cased: the duplicate key (CUS-2). */
    normalizedName: text('normalized_name').notNull(),
    kind: text('kind', { enum: accountKinds }).notNull(),
    partyType: text('party_type', { enum: partyTypes }).notNull().default('company'),
    /** 统一社会信用代码, 18 characters with a valid check digit. */
    creditCode: text('credit_code'),
    /** Main mobile number (11 digits), also a duplicate key. */
    mobile: text('mobile'),
    grade: text('grade', { enum: accountGrades }),
    status: text('status', { enum: accountStatuses }).notNull().default('active'),
    ownerUserId: ref('owner_user_id').references(() => users.id),
    geographyId: ref('geography_id').references(() => geographies.id),
    province: text('province'),
    city: text('city'),
    address: text('address'),
    source: text('source', { enum: accountSources }).notNull().default('field'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** A locked account never returns to the pool automatically (CUS-12). */
    locked: boolean('locked').notNull().default(false),
    /** CUS-8 credit line in fen that open (unpaid) orders may use; null: cash only, no credit. */
    creditLimitFen: fen('credit_limit_fen'),
    creditRating: text('credit_rating', { enum: creditRatings }),
    lastFollowUpAt: timestamp('last_follow_up_at', { withTimezone: true }),
    lastDealAt: timestamp('last_deal_at', { withTimezone: true }),
    poolEnteredAt: timestamp('pool_entered_at', { withTimezone: true }),
    /** When the current owner got the account (create, claim, assignment); the pool clock never runs from before it. */
    ownedSince: timestamp('owned_since', { withTimezone: true }),
    createdBy: ref('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('accounts_normalized_name_key').on(t.normalizedName),
    uniqueIndex('accounts_credit_code_key').on(t.creditCode),
    uniqueIndex('accounts_mobile_key').on(t.mobile),
    // The scope condition is "owner in my team OR geography in my area", the common filters grade and kind:
    // with both in each index a scoped, filtered count reads only the matching rows (a BitmapOr of the two).
    index('accounts_owner_kind_grade_idx').on(t.ownerUserId, t.kind, t.grade),
    index('accounts_geography_kind_grade_idx').on(t.geographyId, t.kind, t.grade),
    // The list's default order (code) after its two common filters: a market manager's first page walks this index
    // past the few hundred rows of other markets instead of the code index past thousands of other kinds and grades.
    // Deliberately without the scope columns: covered, it tempts the planner into filtering every row of the kind and
    // grade for the count, four times slower than the BitmapOr of the two scope indexes above.
    index('accounts_kind_grade_code_idx').on(t.kind, t.grade, t.code, t.id),
    check('accounts_credit_limit_not_negative', sql`${t.creditLimitFen} >= 0`),
    index('accounts_pool_idx').on(t.poolEnteredAt).where(sql`${t.ownerUserId} IS NULL`),
  ],
);
