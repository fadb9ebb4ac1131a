import { date, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, ref, updatedAt } from '../../platform/db/columns.js';
import { geographies, users } from '../org/index.js';

/**
 * CUS-6 销售工作日志: one per user and Shanghai day. The day's visits are not
 * stored here; they are found by date when the log is read.
 */
export const workLogs = pgTable(
  'work_logs',
  {
    id: id(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    /** The author's geography when the log was written, for the market's scope after a transfer. */
    geographyId: ref('geography_id').references(() => geographies.id),
    logDate: date('log_date', { mode: 'string' }).notNull(),
    progress: text('progress').notNull(),
    problems: text('problems').notNull().default(''),
    helpNeeded: text('help_needed').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('work_logs_user_date_key').on(t.userId, t.logDate), index('work_logs_geography_idx').on(t.geographyId, t.logDate)],
);

/** A superior's comment on a log (上级点评). */
export const workLogComments = pgTable(
  'work_log_comments',
  {
    id: id(),
    logId: ref('log_id')
      .notNull()
      .references(() => workLogs.id),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('work_log_comments_log_idx').on(t.logId, t.at)],
);
