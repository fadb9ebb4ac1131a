import { type AnyPgColumn, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, fen, id, ref } from '../../platform/db/columns.js';
import { users } from '../org/index.js';
import { actionKinds, approvalStatuses, taskStatuses } from './approval.enums.js';
import type { DefinitionTier, ResolvedStep } from './approval.types.js';

/** The approval chain of one request type, as an administrator set it (or its registered default, stored on first use). */
export const approvalDefinitions = pgTable('approval_definitions', {
  type: text('type').primaryKey(),
  name: text('name').notNull(),
  tiers: jsonb('tiers').$type<DefinitionTier[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: ref('updated_by').references(() => users.id),
});

export const approvals = pgTable(
  'approvals',
  {
    id: id(),
    type: text('type')
      .notNull()
      .references(() => approvalDefinitions.type),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    amount: fen('amount'),
    requesterId: ref('requester_id')
      .notNull()
      .references(() => users.id),
    summary: text('summary').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: approvalStatuses }).notNull(),
    /** Index into chain of the step being decided; chain.length once approved. */
    currentStep: integer('current_step').notNull().default(0),
    /** The steps resolved when the current round was submitted, with the approvers' names at that time. */
    chain: jsonb('chain').$type<ResolvedStep[]>().notNull(),
    round: integer('round').notNull().default(1),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('approvals_requester_idx').on(t.requesterId, t.createdAt), index('approvals_subject_idx').on(t.subjectType, t.subjectId)],
);

export const approvalTasks = pgTable(
  'approval_tasks',
  {
    id: id(),
    approvalId: ref('approval_id')
      .notNull()
      .references(() => approvals.id),
    round: integer('round').notNull(),
    stepIndex: integer('step_index').notNull(),
    approverId: ref('approver_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: taskStatuses }).notNull().default('pending'),
    /**
     * The task this one stands in for (transfer, escalation), always the first of its line: the original and its
     * escalations are one seat in the step, and whoever of them acts first fills it.
     */
    originTaskId: ref('origin_task_id').references((): AnyPgColumn => approvalTasks.id),
    createdAt: createdAt(),
    actedAt: timestamp('acted_at', { withTimezone: true }),
    comment: text('comment'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
  },
  (t) => [
    index('approval_tasks_approver_idx').on(t.approverId, t.status),
    index('approval_tasks_approval_idx').on(t.approvalId, t.round, t.stepIndex),
    index('approval_tasks_pending_idx').on(t.status, t.createdAt),
  ],
);

/** The timeline: appended by every action, never updated or deleted (DESIGN rule 5). */
export const approvalActions = pgTable(
  'approval_actions',
  {
    id: id(),
    approvalId: ref('approval_id')
      .notNull()
      .references(() => approvals.id),
    round: integer('round').notNull(),
    stepIndex: integer('step_index'),
    /** Null for what the system did (skips, reminders, escalations). */
    actorId: ref('actor_id').references(() => users.id),
    action: text('action', { enum: actionKinds }).notNull(),
    comment: text('comment'),
    targetUserId: ref('target_user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('approval_actions_approval_idx').on(t.approvalId, t.id), index('approval_actions_actor_idx').on(t.actorId, t.at)],
);
