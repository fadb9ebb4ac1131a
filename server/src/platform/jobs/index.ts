export { backgroundPlugin } from './background.plugin.js';
export type { JobDefinition } from './job.registry.js';
export { registerJob } from './job.registry.js';
export { createJobScheduler, runDueJobs } from './job.scheduler.js';
export { scheduledJobs } from './jobs.schema.js';
export type { BackgroundLog } from './poller.js';
