import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per registered job: when it runs next and who holds it now. A
 * process runs a job only after claiming its row (locked_until in the
 * future, locked_by its token), so several processes never run it at once.
 */
export const scheduledJobs = pgTable('scheduled_jobs', {
  name: text('name').primaryKey(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lockedBy: text('locked_by'),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
  lastError: text('last_error'),
});
