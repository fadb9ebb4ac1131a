import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt } from '../../platform/db/columns.js';
import { geographies, users } from '../org/index.js';
import { accounts } from './account.schema.js';
import { followUpKinds, leadSources, leadStatuses, leadTeamStatuses } from './lead.enums.js';

/** CUS-7: an outsourced lead team (外包拓客团队) working for the company under a contract. */
export const leadTeams = pgTable(
  'lead_teams',
  {
    id: id(),
    name: text('name').notNull(),
    vendor: text('vendor').notNull(),
    contact: text('contact'),
    phone: text('phone'),
    contractStart: date('contract_start', { mode: 'string' }).notNull(),
    contractEnd: date('contract_end', { mode: 'string' }).notNull(),
    status: text('status', { enum: leadTeamStatuses }).notNull().default('active'),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('lead_teams_name_key').on(t.name), check('lead_teams_contract_check', sql`${t.contractEnd} >= ${t.contractStart}`)],
);

/** CUS-7 线索: a prospective customer not yet an account. */
export const leads = pgTable(
  'leads',
  {
    id: id(),
    /** The person to talk to. */
    name: text('name').notNull(),
    company: text('company'),
    mobile: text('mobile'),
    source: text('source', { enum: leadSources }).notNull(),
    /** The campaign's name until the marketing module gives campaigns their own records. */
    campaign: text('campaign'),
    teamId: ref('team_id').references(() => leadTeams.id),
    status: text('status', { enum: leadStatuses }).notNull().default('new'),
    ownerUserId: ref('owner_user_id').references(() => users.id),
    geographyId: ref('geography_id').references(() => geographies.id),
    province: text('province'),
    city: text('city'),
    notes: text('notes'),
    lostReason: text('lost_reason'),
    convertedAccountId: ref('converted_account_id').references(() => accounts.id),
    convertedAt: timestamp('converted_at', { withTimezone: true }),
    nextFollowUpAt: timestamp('next_follow_up_at', { withTimezone: true }),
    createdBy: ref('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('leads_owner_idx').on(t.ownerUserId, t.id),
    index('leads_geography_idx').on(t.geographyId, t.id),
    index('leads_status_created_idx').on(t.status, t.createdAt),
    index('leads_created_idx').on(t.createdAt),
    index('leads_team_idx').on(t.teamId, t.createdAt),
    index('leads_mobile_idx').on(t.mobile),
    check('leads_lost_check', sql`(${t.status} = 'lost') = (${t.lostReason} IS NOT NULL)`),
    check('leads_converted_check', sql`(${t.status} = 'converted') = (${t.convertedAccountId} IS NOT NULL)`),
  ],
);

/** Every contact with a lead; appointments carry the time agreed. Call results per caller and day count these (kind call). */
export const leadFollowUps = pgTable(
  'lead_follow_ups',
  {
    id: id(),
    leadId: ref('lead_id')
      .notNull()
      .references(() => leads.id),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: followUpKinds }).notNull(),
    outcome: text('outcome'),
    note: text('note'),
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('lead_follow_ups_lead_idx').on(t.leadId, t.at),
    index('lead_follow_ups_user_idx').on(t.userId, t.kind, t.at),
    check('lead_follow_ups_appointment_check', sql`(${t.kind} = 'appointment') = (${t.scheduledFor} IS NOT NULL)`),
  ],
);

/** CUS-7 daily call plan (call客): how many calls a caller means to make on a day. */
export const callPlans = pgTable(
  'call_plans',
  {
    id: id(),
    callerUserId: ref('caller_user_id')
      .notNull()
      .references(() => users.id),
    planDate: date('plan_date', { mode: 'string' }).notNull(),
    targetCalls: integer('target_calls').notNull(),
    note: text('note'),
    createdBy: ref('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('call_plans_caller_date_key').on(t.callerUserId, t.planDate),
    index('call_plans_date_idx').on(t.planDate),
    check('call_plans_target_check', sql`${t.targetCalls} >= 0`),
  ],
);

/** Round-robin assignment: whom each assigner gave a lead to last, so the next round continues after them. */
export const leadAssignmentCursors = pgTable('lead_assignment_cursors', {
  assignerUserId: ref('assigner_user_id')
    .primaryKey()
    .references(() => users.id),
  lastAssigneeUserId: ref('last_assignee_user_id').references(() => users.id),
  updatedAt: updatedAt(),
});
