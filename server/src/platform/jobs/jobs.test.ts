import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers.js';
import type { Database } from '../db/database.js';
import { selectRows } from '../db/raw.js';
import { registerJob, runDueJobs } from './index.js';
import { createPoller } from './poller.js';

let database: Database;
const quiet = { warn: () => undefined, error: () => undefined };

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const row = async (name: string) => {
  const [found] = await selectRows<{ last_error: string | null; locked_by: string | null; due: boolean; last_run: boolean }>(
    database.db,
    sql`SELECT last_error, locked_by, next_run_at <= now() AS due, last_run_at IS NOT NULL AS last_run FROM scheduled_jobs WHERE name = ${name}`,
  );
  return found;
};
const makeDue = (name: string) => database.db.execute(sql`UPDATE scheduled_jobs SET next_run_at = now() WHERE name = ${name}`);

describe('job scheduler (platform/jobs, one mechanism on PGlite and PostgreSQL)', () => {
  it('runs a new job at once, then not again until its period has passed', async () => {
    let runs = 0;
    registerJob({
      name: 'test.periodic',
      everyMs: 3_600_000,
      run: async () => {
        runs += 1;
      },
    });
    expect(await runDueJobs(database.db, { log: quiet })).toContain('test.periodic');
    expect(runs).toBe(1);
    expect(await runDueJobs(database.db, { log: quiet })).not.toContain('test.periodic');
    expect(runs).toBe(1);
    expect(await row('test.periodic')).toMatchObject({ due: false, last_run: true, locked_by: null, last_error: null });
    await makeDue('test.periodic');
    await runDueJobs(database.db, { log: quiet });
    expect(runs).toBe(2);
  });

  it('never runs one job twice at once: a second pass finds it claimed and leaves it', async () => {
    let running = 0;
    let most = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    registerJob({
      name: 'test.slow',
      everyMs: 3_600_000,
      run: async () => {
        running += 1;
        most = Math.max(most, running);
        await gate;
        running -= 1;
      },
    });
    const first = runDueJobs(database.db, { log: quiet });
    // Wait until the first pass holds the claim, then start a second one.
    while (running === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await runDueJobs(database.db, { log: quiet });
    expect(second).not.toContain('test.slow');
    release();
    expect(await first).toContain('test.slow');
    expect(most).toBe(1);
  });

  it('takes over a job whose claim expired (its process died) but not one still held', async () => {
    let runs = 0;
    registerJob({
      name: 'test.lease',
      everyMs: 3_600_000,
      run: async () => {
        runs += 1;
      },
    });
    await runDueJobs(database.db, { log: quiet });
    await database.db.execute(
      sql`UPDATE scheduled_jobs SET next_run_at = now(), locked_by = 'other', locked_until = now() + interval '1 hour' WHERE name = 'test.lease'`,
    );
    await runDueJobs(database.db, { log: quiet });
    expect(runs).toBe(1);
    await database.db.execute(sql`UPDATE scheduled_jobs SET locked_until = now() - interval '1 second' WHERE name = 'test.lease'`);
    await runDueJobs(database.db, { log: quiet });
    expect(runs).toBe(2);
  });

  it('records a failure, releases the claim and logs it as an error', async () => {
    const errors: unknown[] = [];
    registerJob({
      name: 'test.failing',
      everyMs: 3_600_000,
      run: async () => {
        throw new Error('mail server down');
      },
    });
    await runDueJobs(database.db, { log: { warn: () => undefined, error: (details) => errors.push(details) } });
    expect(await row('test.failing')).toMatchObject({ last_error: 'mail server down', locked_by: null, due: false });
    expect(errors).toEqual([expect.objectContaining({ job: 'test.failing' })]);
  });

  it('refuses a job that would run more than once a second', () => {
    expect(() => registerJob({ name: 'test.busy', everyMs: 10, run: async () => undefined })).toThrow(/at most once a second/);
  });
});

describe('background poller', () => {
  it('runs one pass at a time; a kick during a pass buys exactly one more pass; stop waits for the pass', async () => {
    let passes = 0;
    let running = 0;
    let overlapped = false;
    let release: () => void = () => undefined;
    const poller = createPoller({
      intervalMs: 60_000,
      onError: () => undefined,
      run: async () => {
        passes += 1;
        running += 1;
        if (running > 1) overlapped = true;
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        running -= 1;
      },
    });
    const waitFor = async (condition: () => boolean) => {
      while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2));
    };
    poller.start();
    await waitFor(() => passes === 1);
    poller.kick();
    poller.kick();
    release();
    await waitFor(() => passes === 2);
    poller.kick();
    const stopped = poller.stop();
    release();
    await stopped;
    expect({ passes, overlapped }).toEqual({ passes: 2, overlapped: false });
  });
});
