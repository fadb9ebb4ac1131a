import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { selectRows } from '../../platform/db/raw.js';
import { accountsOwnedBy, countRows, geographyIdOf, newAccount, userIdOf } from './customers.test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (user: string, url: string, payload: object = {}) => t.as(user, { method: 'POST', url, payload });
const accountUrl = (id: number, action: string) => `/api/customers/accounts/${id}/${action}`;

async function ownerOf(id: number): Promise<number | null> {
  const [row] = await selectRows<{ owner_user_id: string | number | null }>(
    t.database.db,
    sql`SELECT owner_user_id FROM accounts WHERE id = ${id}`,
  );
  return row?.owner_user_id == null ? null : Number(row.owner_user_id);
}

async function poolEvents(id: number): Promise<string[]> {
  const rows = await selectRows<{ kind: string }>(
    t.database.db,
    sql`SELECT kind FROM account_pool_events WHERE account_id = ${id} ORDER BY id`,
  );
  return rows.map((r) => r.kind);
}

/** A fresh account in the pool of 华东 (territory huadong-1-1). */
async function pooled(): Promise<number> {
  const response = await post(
    'mm-huadong',
    '/api/customers/accounts',
    newAccount({ ownerUserId: null, geographyId: await geographyIdOf(t, 'huadong-1-1') }),
  );
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json().id;
}

async function settings(changes: Record<string, unknown>) {
  const current = (await t.as('director', { method: 'GET', url: '/api/customers/settings' })).json();
  const response = await t.as('director', { method: 'PUT', url: '/api/customers/settings', payload: { ...current, ...changes } });
  expect(response.statusCode).toBe(200);
}

async function held(username: string): Promise<number> {
  return countRows(t, sql`SELECT count(*) AS n FROM accounts a JOIN users u ON u.id = a.owner_user_id WHERE u.username = ${username}`);
}

describe('CUS-12 public pool', () => {
  it('CUS-12 the owner releases with a reason; the account shows in the pool of its market only', async () => {
    const [id] = await accountsOwnedBy(t, 'rep-huadong-1', 1);
    if (id === undefined) throw new Error('no account');
    const noReason = await post('rep-huadong-1', accountUrl(id, 'release'), { reason: ' ' });
    expect(noReason.json().error).toMatchObject({ code: 'customers.nameBlank', details: { field: 'reason' } });
    expect((await post('rep-huadong-1', accountUrl(id, 'release'), {})).statusCode).toBe(400);
    expect((await post('rep-huadong-2', accountUrl(id, 'release'), { reason: '不是我的' })).statusCode).toBe(404);
    const released = await post('rep-huadong-1', accountUrl(id, 'release'), { reason: '店铺转让' });
    expect(released.statusCode).toBe(200);
    expect(released.json()).toMatchObject({ ownerUserId: null, locked: false });
    expect(await poolEvents(id)).toEqual(['released']);
    const inPool = (user: string) =>
      t.as(user, { method: 'GET', url: `/api/customers/pool?limit=200&q=${released.json().code}` }).then((r) => r.json().total);
    expect(await inPool('rep-huadong-3')).toBe(1);
    expect(await inPool('mm-huadong')).toBe(1);
    expect(await inPool('director')).toBe(1);
    expect(await inPool('rep-huabei-1')).toBe(0);
    expect((await post('rep-huabei-1', accountUrl(id, 'claim'))).statusCode).toBe(404);
    expect((await post('rep-huadong-1', accountUrl(id, 'release'), { reason: '再次' })).statusCode).toBe(404);
    const [audit] = await selectRows<{ after: { reason: string; ownerUserId: null } }>(
      t.database.db,
      sql`SELECT after FROM audit_log WHERE entity = 'account' AND entity_id = ${String(id)} AND action = 'released'`,
    );
    expect(audit?.after).toMatchObject({ reason: '店铺转让', ownerUserId: null });
  });

  it('CUS-12 a manager may release a team member’s account; the owner is told', async () => {
    const [id] = await accountsOwnedBy(t, 'rep-huadong-2', 1);
    if (id === undefined) throw new Error('no account');
    const rep = await userIdOf(t, 'rep-huadong-2');
    expect((await post('am-huadong-1', accountUrl(id, 'release'), { reason: '长期无进货' })).statusCode).toBe(200);
    expect(
      await countRows(
        t,
        sql`SELECT count(*) AS n FROM notifications WHERE user_id = ${rep} AND kind = 'customers.ownership' AND link = ${`/customers/accounts/${id}`}`,
      ),
    ).toBe(1);
  });

  it('CUS-12 a rep claims from the pool; the account is theirs and the event recorded', async () => {
    const id = await pooled();
    const me = await userIdOf(t, 'rep-huadong-3');
    expect((await post('ssg', accountUrl(id, 'claim'))).statusCode).toBe(403);
    const claimed = await post('rep-huadong-3', accountUrl(id, 'claim'));
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json()).toMatchObject({ ownerUserId: me, poolEnteredAt: null, masked: false });
    expect(claimed.json().ownedSince).not.toBeNull();
    expect(await poolEvents(id)).toEqual(['claimed']);
    const again = await post('mm-huadong', accountUrl(id, 'claim'));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('customers.notInPool');
    expect((await post('rep-huadong-4', accountUrl(id, 'claim'))).statusCode).toBe(404);
  });

  it('CUS-12 the holding limit holds when one rep claims the last free slot twice at once', async () => {
    const [a, b] = [await pooled(), await pooled()];
    await settings({ holdingLimit: (await held('rep-huadong-4')) + 1 });
    const answers = await Promise.all([post('rep-huadong-4', accountUrl(a, 'claim')), post('rep-huadong-4', accountUrl(b, 'claim'))]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((r) => r.statusCode === 409)?.json().error).toMatchObject({ code: 'customers.holdingLimit' });
    expect([await ownerOf(a), await ownerOf(b)].filter((o) => o !== null)).toHaveLength(1);
    await settings({ holdingLimit: 200 });
  });

  it('CUS-12 two reps claiming one account at once: exactly one gets it', async () => {
    const id = await pooled();
    const reps = ['rep-huadong-1', 'rep-huadong-2', 'rep-huadong-3', 'rep-huadong-4'];
    const answers = await Promise.all(reps.map((rep) => post(rep, accountUrl(id, 'claim'))));
    const winners = answers.filter((r) => r.statusCode === 200);
    expect(winners).toHaveLength(1);
    expect(answers.filter((r) => r.statusCode !== 200).every((r) => [404, 409].includes(r.statusCode))).toBe(true);
    expect(await ownerOf(id)).toBe(winners[0]?.json().ownerUserId);
    expect((await poolEvents(id)).filter((k) => k === 'claimed')).toHaveLength(1);
  });

  it('CUS-12 a manager assigns within the team only; the new owner is told', async () => {
    const [id] = await accountsOwnedBy(t, 'rep-huadong-1', 2);
    if (id === undefined) throw new Error('no account');
    const rep2 = await userIdOf(t, 'rep-huadong-2');
    const rep3 = await userIdOf(t, 'rep-huadong-3');
    expect((await post('rep-huadong-1', accountUrl(id, 'assign'), { ownerUserId: rep2 })).statusCode).toBe(403);
    const outside = await post('am-huadong-1', accountUrl(id, 'assign'), { ownerUserId: rep3 });
    expect(outside.json().error).toMatchObject({ code: 'customers.ownerOutOfScope', details: { field: 'ownerUserId' } });
    expect((await post('am-huadong-1', accountUrl(id, 'assign'), { ownerUserId: 0 })).statusCode).toBe(400);
    const moved = await post('am-huadong-1', accountUrl(id, 'assign'), { ownerUserId: rep2, reason: '片区调整' });
    expect(moved.statusCode).toBe(200);
    expect(await ownerOf(id)).toBe(rep2);
    expect((await post('am-huadong-1', accountUrl(id, 'assign'), { ownerUserId: rep2 })).json().error.code).toBe('customers.sameOwner');
    expect(
      await countRows(t, sql`SELECT count(*) AS n FROM notifications WHERE user_id = ${rep2} AND kind = 'customers.ownership'`),
    ).toBeGreaterThan(0);
    // From 华东 to 华南: the market manager of 华东 does not manage the new owner.
    const huanan = await userIdOf(t, 'rep-huanan-1');
    expect((await post('mm-huadong', accountUrl(id, 'assign'), { ownerUserId: huanan })).statusCode).toBe(400);
    expect((await post('deputy', accountUrl(id, 'assign'), { ownerUserId: huanan })).statusCode).toBe(200);
    expect(await poolEvents(id)).toEqual(['assigned', 'assigned']);
  });

  it('CUS-12 locking keeps an account out of the pool job, up to the locked limit per owner', async () => {
    const ids = await accountsOwnedBy(t, 'rep-huadong-3', 3);
    const [first, second] = ids as [number, number];
    const locked = await countRows(
      t,
      sql`SELECT count(*) AS n FROM accounts a JOIN users u ON u.id = a.owner_user_id WHERE u.username = 'rep-huadong-3' AND a.locked`,
    );
    await settings({ lockedLimit: locked + 1 });
    expect((await post('rep-huadong-3', accountUrl(first, 'lock'))).json().locked).toBe(true);
    expect((await post('rep-huadong-3', accountUrl(first, 'lock'))).json().error.code).toBe('customers.alreadyLocked');
    const full = await post('rep-huadong-3', accountUrl(second, 'lock'));
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('customers.lockedLimit');
    expect((await post('rep-huadong-4', accountUrl(first, 'unlock'))).statusCode).toBe(404);
    expect((await post('rep-huadong-3', accountUrl(first, 'unlock'))).json().locked).toBe(false);
    expect((await post('am-huadong-2', accountUrl(second, 'lock'))).json().locked).toBe(true);
    expect(await poolEvents(first)).toEqual(['locked', 'unlocked']);
    await settings({ lockedLimit: 20 });
  });

  it('CUS-3 holding limits per ladder level: a rep counts against the representative limit, an area manager against the supervisor limit', async () => {
    const [a, b, c] = [await pooled(), await pooled(), await pooled()];
    const repHeld = await held('rep-huadong-4');
    const amHeld = await held('am-huadong-1');
    // The company default alone would let both claim; their levels' limits do not.
    await settings({ holdingLimit: 10_000, holdingLimits: { representative: repHeld + 1, supervisor: amHeld } });
    const answers = await Promise.all([post('rep-huadong-4', accountUrl(a, 'claim')), post('rep-huadong-4', accountUrl(b, 'claim'))]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((r) => r.statusCode === 409)?.json().error).toMatchObject({ code: 'customers.holdingLimit' });
    expect(answers.find((r) => r.statusCode === 409)?.json().error.message).toContain(String(repHeld + 1));
    const am = await post('am-huadong-1', accountUrl(c, 'claim'));
    expect(am.statusCode).toBe(409);
    expect(am.json().error.message).toContain(String(amHeld));
    expect(await ownerOf(c)).toBeNull();
    // The market manager has no level limit set: the company default applies.
    expect((await post('mm-huadong', accountUrl(c, 'claim'))).statusCode).toBe(200);
    await settings({ holdingLimit: 200, holdingLimits: {} });
  });

  it('CUS-3 per-level limits are validated by field, kept when a form leaves them out, and bound the locked limit', async () => {
    const put = (payload: object, headers: Record<string, string> = {}) =>
      t.as('director', { method: 'PUT', url: '/api/customers/settings', payload, headers });
    const current = (await t.as('director', { method: 'GET', url: '/api/customers/settings' })).json();
    expect(current).toMatchObject({ holdingLimits: {}, poolScope: 'market' });
    const zero = await put({ ...current, holdingLimits: { representative: 0 } });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.details.fields[0].field).toContain('representative');
    const unknown = await put({ ...current, holdingLimits: { intern: 5 } }, { 'accept-language': 'en' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).not.toMatch(/[\u4e00-\u9fff]/);
    expect((await put({ ...current, poolScope: 'world' })).json().error.details.fields[0].field).toBe('poolScope');
    const lockedOver = await put({ ...current, lockedLimit: 20, holdingLimits: { representative: 300, supervisor: 10 } });
    expect(lockedOver.json().error).toMatchObject({ code: 'customers.lockedOverHolding', details: { field: 'lockedLimit' } });
    const saved = await put({ ...current, holdingLimits: { representative: 200, supervisor: 300, manager: 500 } });
    expect(saved.json().holdingLimits).toEqual({ representative: 200, supervisor: 300, manager: 500 });
    // An older form without the new fields changes what it sends and keeps the rest.
    const { holdingLimits: _limits, poolScope: _scope, ...older } = current;
    const kept = await put({ ...older, poolDays: 45 });
    expect(kept.json()).toMatchObject({
      poolDays: 45,
      holdingLimits: { representative: 200, supervisor: 300, manager: 500 },
      poolScope: 'market',
    });
    await put(current);
    expect((await t.as('director', { method: 'GET', url: '/api/customers/settings' })).json()).toEqual(current);
  });

  it('CUS-12 pool scope: by default a rep claims within their market only; with a national pool from anywhere', async () => {
    const huanan = await post(
      'mm-huanan',
      '/api/customers/accounts',
      newAccount({ ownerUserId: null, geographyId: await geographyIdOf(t, 'huanan-1-1') }),
    );
    expect(huanan.statusCode).toBe(201);
    const { id, code } = huanan.json();
    const visible = (user: string) =>
      t.as(user, { method: 'GET', url: `/api/customers/pool?q=${code}` }).then((r) => r.json().total as number);
    expect(await visible('rep-huadong-2')).toBe(0);
    expect((await post('rep-huadong-2', accountUrl(id, 'claim'))).statusCode).toBe(404);
    await settings({ poolScope: 'national' });
    expect(await visible('rep-huadong-2')).toBe(1);
    expect(await visible('rep-xinan-1')).toBe(1);
    const claimed = await post('rep-huadong-2', accountUrl(id, 'claim'));
    expect(claimed.statusCode).toBe(200);
    expect(await ownerOf(id)).toBe(await userIdOf(t, 'rep-huadong-2'));
    // Claimed, it is the rep's own account now, wherever it lies.
    expect((await t.as('rep-huadong-2', { method: 'GET', url: `/api/customers/accounts/${id}` })).statusCode).toBe(200);
    expect(await visible('rep-xinan-1')).toBe(0);
    await settings({ poolScope: 'market' });
  });
});
