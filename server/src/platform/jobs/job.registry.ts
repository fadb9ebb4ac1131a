import type { Db } from '../db/database.js';

export interface JobDefinition {
  /** Stable key, e.g. 'approvals.reminders'; the row in scheduled_jobs. */
  name: string;
  everyMs: number;
  /** How long a claim lasts before another process may take the job over; longer than any run. */
  leaseMs?: number;
  run: (db: Db) => Promise<void>;
}

const registry = new Map<string, JobDefinition>();

/** Modules register their periodic work at load time; registering the same name again replaces it. */
export function registerJob(job: JobDefinition): void {
  if (!Number.isSafeInteger(job.everyMs) || job.everyMs < 1000) throw new Error(`Job ${job.name} must run at most once a second`);
  registry.set(job.name, job);
}

export function registeredJobs(): JobDefinition[] {
  return [...registry.values()];
}
