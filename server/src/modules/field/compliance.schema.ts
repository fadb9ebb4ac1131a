import { date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { ref } from '../../platform/db/columns.js';
import { accountGrades, accounts } from '../customers/index.js';
import { geographies, users } from '../org/index.js';

/**
 * CUS-5: a past month's compliance as it stood when frozen (store, owner,
 * geography, grade, minimum then in force, done onsite visits). Reports of a
 * frozen month read these rows, so later re-grading, hand-overs or late
 * corrections do not rewrite history.
 */
export const visitComplianceSnapshots = pgTable(
  'visit_compliance_snapshots',
  {
    /** The first day of the month. */
    month: date('month', { mode: 'string' }).notNull(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id),
    ownerUserId: ref('owner_user_id')
      .notNull()
      .references(() => users.id),
    geographyId: ref('geography_id').references(() => geographies.id),
    grade: text('grade', { enum: accountGrades }).notNull(),
    required: integer('required').notNull(),
    done: integer('done').notNull(),
    frozenAt: timestamp('frozen_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.accountId] }),
    index('visit_compliance_snapshots_owner_idx').on(t.month, t.ownerUserId),
    index('visit_compliance_snapshots_geography_idx').on(t.month, t.geographyId),
  ],
);

/** One row per frozen month: the freeze happens once, and a month without stores still reads as frozen. */
export const visitComplianceFreezes = pgTable('visit_compliance_freezes', {
  month: date('month', { mode: 'string' }).primaryKey(),
  stores: integer('stores').notNull(),
  frozenAt: timestamp('frozen_at', { withTimezone: true }).notNull().defaultNow(),
});
