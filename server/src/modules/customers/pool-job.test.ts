import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { selectRows } from '../../platform/db/raw.js';
import { registeredJobs } from '../../platform/jobs/job.registry.js';
import { touchFollowUp } from './account.repository.js';
import { countRows, newAccount, userIdOf } from './customers.test-support.js';
import { runPoolReturn } from './pool.job.js';

let t: TestApp;
let rep: number;
beforeAll(async () => {
  t = await createTestApp();
  rep = await userIdOf(t, 'rep-huadong-1');
  // The demo's own accounts keep clocks relative to the real day: out of the way of the fixed dates below.
  await t.database.db.execute(sql`UPDATE accounts SET locked = true`);
});
afterAll(() => t.close());

/** A Shanghai wall-clock time as an instant. */
const shanghai = (local: string) => new Date(`${local}+08:00`);

interface Clocks {
  followUp?: string | null;
  deal?: string | null;
  ownedSince?: string;
  locked?: boolean;
}

let ids: number[] = [];
beforeEach(async () => {
  if (ids.length > 0) await t.database.db.execute(sql`UPDATE accounts SET locked = true WHERE id = ANY(${`{${ids.join(',')}}`}::bigint[])`);
  ids = [];
});

/** An account of rep-huadong-1 with the given clocks (Shanghai local times); deals recent unless said otherwise. */
async function account(clocks: Clocks): Promise<number> {
  const response = await t.as('rep-huadong-1', { method: 'POST', url: '/api/customers/accounts', payload: newAccount() });
  const id = response.json().id as number;
  const at = (local: string | null | undefined) => (local ? shanghai(local).toISOString() : null);
  const owned = at(clocks.ownedSince ?? '2025-06-01T09:00:00');
  await t.database.db.execute(sql`UPDATE accounts SET
      created_at = ${owned}::timestamptz, owned_since = ${owned}::timestamptz,
      last_follow_up_at = ${at(clocks.followUp)}::timestamptz,
      last_deal_at = ${clocks.deal === undefined ? at('2026-01-25T10:00:00') : at(clocks.deal)}::timestamptz,
      locked = ${clocks.locked ?? false}
    WHERE id = ${id}`);
  ids.push(id);
  return id;
}

async function ownerOf(id: number): Promise<number | null> {
  const [row] = await selectRows<{ owner_user_id: string | number | null }>(
    t.database.db,
    sql`SELECT owner_user_id FROM accounts WHERE id = ${id}`,
  );
  return row?.owner_user_id == null ? null : Number(row.owner_user_id);
}

const events = (id: number, kind: string) =>
  countRows(t, sql`SELECT count(*) AS n FROM account_pool_events WHERE account_id = ${id} AND kind = ${kind}`);

describe('CUS-12 pool return job', () => {
  it('CUS-12 is registered to run daily', () => {
    const job = registeredJobs().find((j) => j.name === 'customers.pool-return');
    expect(job?.everyMs).toBe(24 * 3_600_000);
  });

  it('CUS-12 counts China calendar days across a month end: a follow-up at 23:30 on 31 January returns on 2 March', async () => {
    // 2026-01-31 23:30 in Shanghai is 15:30 UTC: still 31 January for the company.
    const id = await account({ followUp: '2026-01-31T23:30:00' });
    expect(await runPoolReturn(t.database.db, shanghai('2026-03-01T23:59:00'))).toMatchObject({ returned: 0 });
    expect(await ownerOf(id)).toBe(rep);
    const result = await runPoolReturn(t.database.db, shanghai('2026-03-02T00:01:00'));
    expect(result.returned).toBe(1);
    expect(await ownerOf(id)).toBeNull();
    expect(await events(id, 'returned')).toBe(1);
    const [row] = await selectRows<{ pool_entered_at: Date | string; reason: string }>(
      t.database.db,
      sql`SELECT a.pool_entered_at, e.reason FROM accounts a JOIN account_pool_events e ON e.account_id = a.id AND e.kind = 'returned' WHERE a.id = ${id}`,
    );
    expect(new Date(row?.pool_entered_at as string).toISOString()).toBe(shanghai('2026-03-02T00:01:00').toISOString());
    expect(row?.reason).toBe('followUp');
    expect(
      await countRows(
        t,
        sql`SELECT count(*) AS n FROM audit_log WHERE entity = 'account' AND entity_id = ${String(id)} AND action = 'returned' AND actor_user_id IS NULL`,
      ),
    ).toBe(1);
    expect(
      await countRows(
        t,
        sql`SELECT count(*) AS n FROM notifications WHERE user_id = ${rep} AND kind = 'customers.pool-returned' AND link = ${`/customers/accounts/${id}`}`,
      ),
    ).toBe(1);
    expect((await runPoolReturn(t.database.db, shanghai('2026-03-03T00:01:00'))).returned).toBe(0);
  });

  it('CUS-12 in a leap year the same follow-up returns on 1 March', async () => {
    const id = await account({ followUp: '2028-01-31T08:00:00', deal: '2028-01-20T08:00:00' });
    await runPoolReturn(t.database.db, shanghai('2028-02-29T23:00:00'));
    expect(await ownerOf(id)).toBe(rep);
    await runPoolReturn(t.database.db, shanghai('2028-03-01T00:00:00'));
    expect(await ownerOf(id)).toBeNull();
  });

  it('CUS-12 warns the owner three days ahead, once, and again after a new follow-up cycle', async () => {
    const id = await account({ followUp: '2026-04-01T10:00:00', deal: '2026-03-30T10:00:00' });
    // Due on 1 May; the warning starts on 28 April.
    expect((await runPoolReturn(t.database.db, shanghai('2026-04-27T23:59:00'))).warned).toBe(0);
    expect((await runPoolReturn(t.database.db, shanghai('2026-04-28T00:30:00'))).warned).toBe(1);
    expect((await runPoolReturn(t.database.db, shanghai('2026-04-29T00:30:00'))).warned).toBe(0);
    expect(
      await countRows(
        t,
        sql`SELECT count(*) AS n FROM notifications WHERE user_id = ${rep} AND kind = 'customers.pool-warning' AND link = ${`/customers/accounts/${id}`}`,
      ),
    ).toBe(1);
    // A visit on 29 April restarts the clock: due 29 May, warned from 26 May.
    await touchFollowUp(t.database.db, id, shanghai('2026-04-29T15:00:00'));
    await touchFollowUp(t.database.db, id, shanghai('2026-04-02T15:00:00'));
    expect((await runPoolReturn(t.database.db, shanghai('2026-05-01T00:30:00'))).returned).toBe(0);
    expect(await ownerOf(id)).toBe(rep);
    expect((await runPoolReturn(t.database.db, shanghai('2026-05-26T00:30:00'))).warned).toBe(1);
    expect(await events(id, 'warned')).toBe(2);
  });

  it('CUS-12 no deal for 90 days returns an account even with recent follow-ups; a locked one never returns', async () => {
    const stale = await account({ followUp: '2026-06-20T10:00:00', deal: '2026-03-25T10:00:00' });
    const locked = await account({ followUp: '2026-01-01T10:00:00', deal: null, locked: true });
    // 25 March + 90 days = 23 June.
    await runPoolReturn(t.database.db, shanghai('2026-06-22T12:00:00'));
    expect(await ownerOf(stale)).toBe(rep);
    await runPoolReturn(t.database.db, shanghai('2026-06-23T00:00:01'));
    expect(await ownerOf(stale)).toBeNull();
    const [event] = await selectRows<{ reason: string }>(
      t.database.db,
      sql`SELECT reason FROM account_pool_events WHERE account_id = ${stale} AND kind = 'returned'`,
    );
    expect(event?.reason).toBe('deal');
    expect(await ownerOf(locked)).toBe(rep);
  });

  it('CUS-12 the clock of a claimed account starts at the claim, not at the last follow-up of the previous owner', async () => {
    const id = await account({ followUp: '2026-07-01T10:00:00', deal: null, ownedSince: '2026-07-20T10:00:00' });
    await runPoolReturn(t.database.db, shanghai('2026-08-05T10:00:00'));
    expect(await ownerOf(id)).toBe(rep);
    await runPoolReturn(t.database.db, shanghai('2026-08-19T10:00:00'));
    expect(await ownerOf(id)).toBeNull();
  });

  it('CUS-12 settings switch the deal rule off and change the period', async () => {
    const current = (await t.as('director', { method: 'GET', url: '/api/customers/settings' })).json();
    await t.as('director', { method: 'PUT', url: '/api/customers/settings', payload: { ...current, poolDays: 10, dealDays: 0 } });
    const id = await account({ followUp: '2026-09-01T10:00:00', deal: null, ownedSince: '2026-01-01T10:00:00' });
    await runPoolReturn(t.database.db, shanghai('2026-09-10T23:00:00'));
    expect(await ownerOf(id)).toBe(rep);
    await runPoolReturn(t.database.db, shanghai('2026-09-11T00:00:00'));
    expect(await ownerOf(id)).toBeNull();
    await t.as('director', { method: 'PUT', url: '/api/customers/settings', payload: current });
  });
});
