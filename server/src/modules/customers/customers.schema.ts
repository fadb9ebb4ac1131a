import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgSequence, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt } from '../../platform/db/columns.js';
import { approvals } from '../approvals/index.js';
import { type LadderLevel, users } from '../org/index.js';
import { accountGrades } from './account.enums.js';
import { accounts } from './account.schema.js';

export const addressKinds = ['delivery', 'billing', 'office'] as const;
export type AddressKind = (typeof addressKinds)[number];

/** Ownership and pool history of an account (CUS-12, CUS-2, ORG-6 hand-overs excepted: those live in user moves). */
export const poolEventKinds = ['released', 'claimed', 'returned', 'warned', 'assigned', 'disputed', 'locked', 'unlocked'] as const;
export type PoolEventKind = (typeof poolEventKinds)[number];

export const disputeStatuses = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type DisputeStatus = (typeof disputeStatuses)[number];

/** CUS-12 where pool accounts may be claimed: within the claimant's market, or anywhere in the country. */
export const poolScopes = ['market', 'national'] as const;
export type PoolScope = (typeof poolScopes)[number];

/** Numbers the account codes (KH000001 …) for every way an account is made: form, lead conversion, import, demo. */
export const accountCodeSequence = pgSequence('account_code_seq', { startWith: 1 });

/** CUS-1: the people of an account. */
export const accountContacts = pgTable(
  'account_contacts',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id),
    name: text('name').notNull(),
    title: text('title'),
    mobile: text('mobile'),
    phone: text('phone'),
    email: text('email'),
    isPrimary: boolean('is_primary').notNull().default(false),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('account_contacts_account_idx').on(t.accountId)],
);

/** CUS-9 储运信息: where goods go, who receives them, how they travel; checked monthly (verified_at). */
export const accountAddresses = pgTable(
  'account_addresses',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: text('kind', { enum: addressKinds }).notNull(),
    province: text('province'),
    city: text('city'),
    address: text('address').notNull(),
    receiver: text('receiver'),
    receiverPhone: text('receiver_phone'),
    carrier: text('carrier'),
    unloadingNotes: text('unloading_notes'),
    isDefault: boolean('is_default').notNull().default(false),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: ref('verified_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('account_addresses_account_idx').on(t.accountId),
    uniqueIndex('account_addresses_default_key').on(t.accountId, t.kind).where(sql`${t.isDefault}`),
  ],
);

/** CUS-3: every grade decision with its reason, never changed afterwards. */
export const accountGradeReviews = pgTable(
  'account_grade_reviews',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id),
    fromGrade: text('from_grade', { enum: accountGrades }),
    toGrade: text('to_grade', { enum: accountGrades }).notNull(),
    reason: text('reason').notNull(),
    reviewedBy: ref('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('account_grade_reviews_account_idx').on(t.accountId, t.reviewedAt)],
);

export const accountPoolEvents = pgTable(
  'account_pool_events',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: text('kind', { enum: poolEventKinds }).notNull(),
    fromUserId: ref('from_user_id').references(() => users.id),
    toUserId: ref('to_user_id').references(() => users.id),
    reason: text('reason'),
    /** Null for the scheduled pool job. */
    actorUserId: ref('actor_user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('account_pool_events_account_idx').on(t.accountId, t.at)],
);

/** CUS-2 争议处理: a rep refused as a duplicate claims the existing account; an approval decides. */
export const accountDisputes = pgTable(
  'account_disputes',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id),
    claimantUserId: ref('claimant_user_id')
      .notNull()
      .references(() => users.id),
    ownerUserId: ref('owner_user_id').references(() => users.id),
    /** The lowest superior both reps report to, as computed when filed. */
    commonSuperiorUserId: ref('common_superior_user_id').references(() => users.id),
    reason: text('reason').notNull(),
    status: text('status', { enum: disputeStatuses }).notNull().default('pending'),
    approvalId: ref('approval_id').references(() => approvals.id),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('account_disputes_account_idx').on(t.accountId),
    uniqueIndex('account_disputes_open_key').on(t.accountId, t.claimantUserId).where(sql`${t.status} = 'pending'`),
  ],
);

/** CUS-3 and CUS-12 rules of the company: one row (id 1); absent means the defaults. */
export const customerSettings = pgTable(
  'customer_settings',
  {
    id: smallint('id').primaryKey().default(1),
    visitMinA: integer('visit_min_a').notNull(),
    visitMinB: integer('visit_min_b').notNull(),
    visitMinC: integer('visit_min_c').notNull(),
    visitMinD: integer('visit_min_d').notNull(),
    poolDays: integer('pool_days').notNull(),
    dealDays: integer('deal_days').notNull(),
    warnDays: integer('warn_days').notNull(),
    /** The company default; holding_limits overrides it per position ladder level (CUS-3). */
    holdingLimit: integer('holding_limit').notNull(),
    holdingLimits: jsonb('holding_limits').$type<Partial<Record<LadderLevel, number>>>().notNull().default({}),
    poolScope: text('pool_scope', { enum: poolScopes }).notNull().default('market'),
    lockedLimit: integer('locked_limit').notNull(),
    updatedBy: ref('updated_by').references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [check('customer_settings_single_row', sql`${t.id} = 1`)],
);
