import { and, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { scheduledJobs } from './jobs.schema.js';

const afterMs = (ms: number) => sql`now() + ${ms} * interval '1 millisecond'`;

/** Makes sure every registered job has its row; a new job is due at once. */
export async function ensureJobRows(db: Executor, names: string[]): Promise<void> {
  if (names.length === 0) return;
  await db
    .insert(scheduledJobs)
    .values(names.map((name) => ({ name })))
    .onConflictDoNothing();
}

/**
 * Takes a due job for `leaseMs`, atomically: of several processes asking at
 * once exactly one gets the row back. A lease left by a crashed process
 * expires and the job becomes claimable again.
 */
export async function claimJob(db: Executor, name: string, token: string, leaseMs: number): Promise<boolean> {
  const rows = await db
    .update(scheduledJobs)
    .set({ lockedUntil: afterMs(leaseMs), lockedBy: token })
    .where(
      and(
        eq(scheduledJobs.name, name),
        lte(scheduledJobs.nextRunAt, sql`now()`),
        or(isNull(scheduledJobs.lockedUntil), lt(scheduledJobs.lockedUntil, sql`now()`)),
      ),
    )
    .returning({ name: scheduledJobs.name });
  return rows.length > 0;
}

/** Records the run and sets the next one; only the holder of the claim may (a taken-over lease is not overwritten). */
export async function releaseJob(db: Executor, name: string, token: string, result: { error: string | null; nextInMs: number }) {
  await db
    .update(scheduledJobs)
    .set({
      lockedUntil: null,
      lockedBy: null,
      lastRunAt: sql`now()`,
      lastError: result.error,
      nextRunAt: afterMs(result.nextInMs),
    })
    .where(and(eq(scheduledJobs.name, name), eq(scheduledJobs.lockedBy, token)));
}
