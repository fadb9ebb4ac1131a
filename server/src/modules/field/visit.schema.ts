import { sql } from 'drizzle-orm';
import { bigint, check, date, index, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt } from '../../platform/db/columns.js';
import { accounts } from '../customers/index.js';
import { geographies, users } from '../org/index.js';

/** CUS-4: an onsite visit (上门拜访) or a phone visit (电话拜访); only onsite visits count toward a store's monthly minimum. */
export const visitKinds = ['onsite', 'phone'] as const;
export type VisitKind = (typeof visitKinds)[number];

/** planned → done (checked in) or cancelled; a visit recorded on the spot is done from the start. */
export const visitStatuses = ['planned', 'done', 'cancelled'] as const;
export type VisitStatus = (typeof visitStatuses)[number];

export const visitPlanStatuses = ['draft', 'submitted'] as const;
export type VisitPlanStatus = (typeof visitPlanStatuses)[number];

/** A rep's plan for one ISO week (周拜访计划); its planned visits point at it. */
export const visitPlans = pgTable(
  'visit_plans',
  {
    id: id(),
    repUserId: ref('rep_user_id')
      .notNull()
      .references(() => users.id),
    /** The rep's geography when the plan was opened, so the plan stays in that market's scope after a transfer. */
    geographyId: ref('geography_id').references(() => geographies.id),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    status: text('status', { enum: visitPlanStatuses }).notNull().default('draft'),
    note: text('note').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('visit_plans_rep_week_key').on(t.repUserId, t.weekStart),
    index('visit_plans_geography_idx').on(t.geographyId, t.weekStart),
    check('visit_plans_monday_check', sql`extract(isodow from ${t.weekStart}) = 1`),
  ],
);

/**
 * CUS-4 拜访记录. A high-volume table (DESIGN rule 6): `visit_date` is the
 * partition key for monthly range partitioning later, which is why it is
 * NOT NULL, part of the primary key and leads every date index, and why no
 * other table holds a foreign key to a visit. It is the Shanghai day of the
 * visit: the check-in day once done, the planned day before.
 */
export const visits = pgTable(
  'visits',
  {
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    visitDate: date('visit_date', { mode: 'string' }).notNull(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id),
    /** The visiting user: the owner of the record for data scope (ORG-4). */
    repUserId: ref('rep_user_id')
      .notNull()
      .references(() => users.id),
    /** The account's geography when the visit was recorded: scope and roll-ups stay with the market it happened in. */
    geographyId: ref('geography_id').references(() => geographies.id),
    kind: text('kind', { enum: visitKinds }).notNull(),
    status: text('status', { enum: visitStatuses }).notNull(),
    plannedFor: date('planned_for', { mode: 'string' }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    latitude: numeric('latitude', { precision: 9, scale: 6, mode: 'number' }),
    longitude: numeric('longitude', { precision: 9, scale: 6, mode: 'number' }),
    purpose: text('purpose').notNull().default(''),
    result: text('result').notNull().default(''),
    nextStep: text('next_step').notNull().default(''),
    cancelReason: text('cancel_reason'),
    planId: ref('plan_id').references(() => visitPlans.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'visits_pkey', columns: [t.id, t.visitDate] }),
    index('visits_rep_idx').on(t.repUserId, t.visitDate),
    index('visits_account_idx').on(t.accountId, t.visitDate),
    index('visits_geography_idx').on(t.geographyId, t.visitDate),
    index('visits_plan_idx').on(t.planId),
    // CUS-5 counts each store's done onsite visits of a month: one index-only probe per store.
    index('visits_compliance_idx').on(t.accountId, t.visitDate).where(sql`${t.status} = 'done' AND ${t.kind} = 'onsite'`),
    check('visits_done_check', sql`(${t.status} = 'done') = (${t.checkedInAt} IS NOT NULL)`),
    check('visits_planned_check', sql`${t.status} <> 'planned' OR ${t.plannedFor} IS NOT NULL`),
    check('visits_position_check', sql`(${t.latitude} IS NULL) = (${t.longitude} IS NULL)`),
    check('visits_latitude_check', sql`${t.latitude} BETWEEN -90 AND 90`),
    check('visits_longitude_check', sql`${t.longitude} BETWEEN -180 AND 180`),
  ],
);
