import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';
import { registeredJobs } from './job.registry.js';
import { claimJob, ensureJobRows, releaseJob } from './job.repository.js';
import { type BackgroundLog, consoleLog, createPoller, type Poller } from './poller.js';

const defaultLeaseMs = 10 * 60_000;
/** A failed run is tried again sooner than its period, but not in a tight loop. */
const retryMs = 60_000;
const pollMs = 10_000;

/**
 * Runs every registered job that is due and not held by another process;
 * returns the names that ran. One mechanism on PGlite and PostgreSQL: the
 * claim is a conditional UPDATE on scheduled_jobs.
 */
export async function runDueJobs(db: Db, options: { log?: BackgroundLog } = {}): Promise<string[]> {
  const log = options.log ?? consoleLog;
  const jobs = registeredJobs();
  await ensureJobRows(
    db,
    jobs.map((job) => job.name),
  );
  const ran: string[] = [];
  for (const job of jobs) {
    const token = randomUUID();
    if (!(await claimJob(db, job.name, token, job.leaseMs ?? defaultLeaseMs))) continue;
    try {
      await job.run(db);
      await releaseJob(db, job.name, token, { error: null, nextInMs: job.everyMs });
      ran.push(job.name);
    } catch (error) {
      log.error({ err: error, job: job.name }, 'scheduled job failed');
      const message = error instanceof Error ? error.message : String(error);
      await releaseJob(db, job.name, token, { error: message.slice(0, 2000), nextInMs: Math.min(job.everyMs, retryMs) });
    }
  }
  return ran;
}

export function createJobScheduler(db: Db, log: BackgroundLog = consoleLog): Poller {
  return createPoller({
    intervalMs: pollMs,
    run: () => runDueJobs(db, { log }),
    onError: (error) => log.error({ err: error }, 'job scheduler pass failed'),
  });
}
