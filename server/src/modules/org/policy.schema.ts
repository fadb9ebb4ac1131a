import { date, index, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt } from '../../platform/db/columns.js';
import { departments, positions, users } from './org.schema.js';

/** ORG-7 policy library: a document whose text lives in versions. */
export const policies = pgTable('policies', {
  id: id(),
  code: text('code').notNull().unique(),
  title: text('title').notNull(),
  category: text('category').notNull().default(''),
  ownerDepartmentId: ref('owner_department_id').references(() => departments.id),
  status: text('status', { enum: ['draft', 'published', 'retired'] })
    .notNull()
    .default('draft'),
  currentVersionId: ref('current_version_id'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const policyVersions = pgTable(
  'policy_versions',
  {
    id: id(),
    policyId: ref('policy_id')
      .notNull()
      .references(() => policies.id),
    version: text('version').notNull(),
    body: text('body').notNull(),
    changeSummary: text('change_summary').notNull().default(''),
    status: text('status', { enum: ['draft', 'published', 'superseded'] })
      .notNull()
      .default('draft'),
    draftedBy: ref('drafted_by').references(() => users.id),
    reviewedBy: ref('reviewed_by').references(() => users.id),
    approvedBy: ref('approved_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    effectiveDate: date('effective_date'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('policy_versions_policy_version_key').on(t.policyId, t.version)],
);

/** Who a policy is for: a department (with everything under it) or a position. */
export const policyTargets = pgTable(
  'policy_targets',
  {
    id: id(),
    policyId: ref('policy_id')
      .notNull()
      .references(() => policies.id, { onDelete: 'cascade' }),
    departmentId: ref('department_id').references(() => departments.id),
    positionId: ref('position_id').references(() => positions.id),
  },
  (t) => [index('policy_targets_policy_idx').on(t.policyId)],
);

export const policyAcknowledgements = pgTable(
  'policy_acknowledgements',
  {
    versionId: ref('version_id')
      .notNull()
      .references(() => policyVersions.id),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.userId] }), index('policy_acks_user_idx').on(t.userId)],
);
