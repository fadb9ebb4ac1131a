import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { selectRows } from '../../platform/db/raw.js';
import { runDueJobs } from '../../platform/jobs/index.js';
import { shanghaiMonth } from '../../platform/time.js';
import { freezeClosedMonth, freezeMonth } from './compliance.service.js';
import { auditOf, contextOf, createStore, userId } from './field.test-support.js';
import { recordVisit } from './visit.service.js';

let t: TestApp;
let rep1: number;

interface StoreRow {
  accountId: number;
  grade: string;
  ownerUserId: number;
  required: number;
  done: number;
  shortfall: number;
}
interface RollupRow {
  id: number | null;
  code: string | null;
  storesTotal: number;
  compliant: number;
  nonCompliant: number;
  complianceRate: number | null;
  visitsDone: number;
  visitsRequired: number;
  visitsMissing: number;
}

/** Records a done visit as the rep would have on the day (the API only takes the last 7 days). */
async function visitAt(username: string, accountId: number, at: string, kind: 'onsite' | 'phone' = 'onsite') {
  const ctx = await contextOf(t.database.db, username);
  return recordVisit(ctx, { accountId, kind, checkedInAt: at, result: '巡店' }, new Date(new Date(at).getTime() + 3_600_000));
}

async function storesOf(username: string, query: string): Promise<{ frozen: boolean; items: StoreRow[]; total: number }> {
  const response = await t.as(username, { method: 'GET', url: `/api/field/compliance/stores?limit=200&${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function rowOf(username: string, month: string, accountId: number): Promise<StoreRow | undefined> {
  const { items } = await storesOf(username, `month=${month}&ownerUserId=${rep1}`);
  return items.find((row) => row.accountId === accountId);
}

async function report(username: string, query: string): Promise<{ frozen: boolean; rows: RollupRow[]; total: RollupRow }> {
  const response = await t.as(username, { method: 'GET', url: `/api/field/compliance?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const setMinimumA = (value: number) =>
  t.database.db.execute(sql`INSERT INTO customer_settings (id, visit_min_a, visit_min_b, visit_min_c, visit_min_d, pool_days, deal_days,
      warn_days, holding_limit, locked_limit)
    VALUES (1, ${value}, 5, 2, 2, 30, 90, 3, 200, 20) ON CONFLICT (id) DO UPDATE SET visit_min_a = excluded.visit_min_a`);

beforeAll(async () => {
  t = await createTestApp();
  rep1 = await userId(t.database.db, 'rep-huadong-1');
});
afterAll(() => t.close());

describe('CUS-5 visit compliance arithmetic', () => {
  let edge: number;

  beforeAll(async () => {
    edge = await createStore(t.database.db, { owner: 'rep-huadong-1', geography: 'huadong-1-1', grade: 'A' });
    await visitAt('rep-huadong-1', edge, '2025-10-31T23:30:00+08:00');
    await visitAt('rep-huadong-1', edge, '2025-11-01T00:10:00+08:00');
    await visitAt('rep-huadong-1', edge, '2025-10-15T10:00:00+08:00', 'phone');
  });

  it('CUS-5 counts a visit by its Shanghai month: 23:30 on 31 October is October, 00:10 on 1 November is November', async () => {
    expect(await rowOf('rep-huadong-1', '2025-10', edge)).toMatchObject({ grade: 'A', required: 5, done: 1, shortfall: 4 });
    expect(await rowOf('rep-huadong-1', '2025-11', edge)).toMatchObject({ required: 5, done: 1, shortfall: 4 });
    const october = await storesOf('rep-huadong-1', 'month=2025-10');
    expect(october.frozen).toBe(false);
  });

  it('CUS-5 phone visits do not count toward the onsite minimum', async () => {
    const phone = await selectRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM visits WHERE account_id = ${edge} AND kind = 'phone' AND visit_date BETWEEN '2025-10-01' AND '2025-10-31'`,
    );
    expect(phone[0]?.n).toBe(1);
    expect((await rowOf('rep-huadong-1', '2025-10', edge))?.done).toBe(1);
  });

  it('CUS-5 the minimums come from the customer settings (CUS-3) and can change', async () => {
    await setMinimumA(1);
    try {
      expect(await rowOf('rep-huadong-1', '2025-10', edge)).toMatchObject({ required: 1, done: 1, shortfall: 0 });
      const below = await storesOf('rep-huadong-1', `month=2025-10&ownerUserId=${rep1}&onlyNonCompliant=true`);
      expect(below.items.map((row) => row.accountId)).not.toContain(edge);
    } finally {
      await setMinimumA(5);
    }
    expect((await rowOf('rep-huadong-1', '2025-10', edge))?.required).toBe(5);
  });

  it('CUS-5 counts only active, owned stores with a grade: no pool, no distributor, no closed or ungraded store', async () => {
    const excluded = [
      await createStore(t.database.db, { owner: null, geography: 'huadong-1-1', grade: 'A' }),
      await createStore(t.database.db, { owner: 'rep-huadong-1', geography: 'huadong-1-1', grade: 'A', kind: 'distributor' }),
      await createStore(t.database.db, { owner: 'rep-huadong-1', geography: 'huadong-1-1', grade: 'A', status: 'closed' }),
      await createStore(t.database.db, { owner: 'rep-huadong-1', geography: 'huadong-1-1', grade: null }),
    ];
    const included = await createStore(t.database.db, {
      owner: 'rep-huadong-1',
      geography: 'huadong-1-1',
      grade: 'D',
      kind: 'key_account',
    });
    const ids = (await storesOf('director', 'onlyNonCompliant=false')).items.map((row) => row.accountId);
    const all = (await storesOf('rep-huadong-1', '')).items.map((row) => row.accountId);
    for (const id of excluded) expect(all).not.toContain(id);
    expect(all).toContain(included);
    expect(ids.length).toBeGreaterThan(0);
  });

  it('CUS-5 a visit recorded now shows at once in the current month (live)', async () => {
    const store = await createStore(t.database.db, { owner: 'rep-huadong-1', geography: 'huadong-1-1', grade: 'C' });
    const month = shanghaiMonth(new Date());
    expect(await rowOf('rep-huadong-1', month, store)).toMatchObject({ required: 2, done: 0, shortfall: 2 });
    const recorded = await t.as('rep-huadong-1', {
      method: 'POST',
      url: '/api/field/visits',
      payload: { accountId: store, kind: 'onsite', result: '巡店' },
    });
    expect(recorded.statusCode).toBe(201);
    expect(await rowOf('rep-huadong-1', month, store)).toMatchObject({ done: 1, shortfall: 1 });
    const me = (await t.as('rep-huadong-1', { method: 'GET', url: '/api/field/compliance/me' })).json();
    expect(me.month).toBe(month);
    expect(me.belowMinimum.map((row: StoreRow) => row.accountId)).toContain(store);
  });

  it('CUS-5 refuses a month after the current one and a malformed month, naming the field', async () => {
    const future = await t.as('director', { method: 'GET', url: '/api/field/compliance?month=2099-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ code: 'field.monthInFuture', details: { field: 'month' } });
    const malformed = await t.as('director', { method: 'GET', url: '/api/field/compliance/stores?month=2026-13' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details.fields[0].field).toBe('month');
    const level = await t.as('director', { method: 'GET', url: '/api/field/compliance?level=city' });
    expect(level.json().error.details.fields[0].field).toBe('level');
  });
});

describe('CUS-5 roll-ups and scope', () => {
  beforeAll(async () => {
    // At least one store per level for the areas the tests look at, whatever the demo holds.
    for (const [owner, geography, grade] of [
      ['rep-huadong-1', 'huadong-1-1', 'B'],
      ['rep-huadong-2', 'huadong-1-2', 'C'],
      ['rep-huadong-3', 'huadong-2-1', 'A'],
      ['rep-huabei-1', 'huabei-1-1', 'D'],
    ] as const) {
      const store = await createStore(t.database.db, { owner, geography, grade });
      await t.as(owner, { method: 'POST', url: '/api/field/visits', payload: { accountId: store, kind: 'onsite', result: '巡店' } });
    }
  });

  it('CUS-5 every level adds up to the same totals, rates are compliant / stores, and one SQL count agrees', async () => {
    const nation = await report('director', 'level=nation');
    expect(nation.rows).toHaveLength(1);
    for (const level of ['rep', 'region', 'market']) {
      const { rows, total } = await report('director', `level=${level}`);
      expect(total).toEqual(nation.total);
      const sum = (key: keyof RollupRow) => rows.reduce((n, row) => n + (row[key] as number), 0);
      expect(sum('storesTotal')).toBe(nation.total.storesTotal);
      expect(sum('compliant')).toBe(nation.total.compliant);
      expect(sum('visitsDone')).toBe(nation.total.visitsDone);
      for (const row of rows) {
        expect(row.nonCompliant).toBe(row.storesTotal - row.compliant);
        expect(row.complianceRate).toBeCloseTo(row.compliant / row.storesTotal, 4);
        expect(row.visitsMissing).toBeLessThanOrEqual(row.visitsRequired);
      }
    }
    const month = shanghaiMonth(new Date());
    const [expected] = await selectRows<{ stores: number; compliant: number; done: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS stores, count(*) FILTER (WHERE n >= CASE grade WHEN 'A' THEN 5 WHEN 'B' THEN 5 ELSE 2 END)::int AS compliant,
          coalesce(sum(n), 0)::int AS done
        FROM (SELECT a.grade, (SELECT count(*) FROM visits v WHERE v.account_id = a.id AND v.status = 'done' AND v.kind = 'onsite'
            AND to_char(v.checked_in_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = ${month}) AS n
          FROM accounts a WHERE a.kind IN ('retail_store', 'key_account', 'direct_store') AND a.grade IS NOT NULL
            AND a.owner_user_id IS NOT NULL AND a.status = 'active') s`,
    );
    expect(nation.total).toMatchObject({ storesTotal: expected?.stores, compliant: expected?.compliant, visitsDone: expected?.done });
  });

  it('CUS-5 scope per role: a rep sees own, the area manager the team, the market manager the market, the director all', async () => {
    const names = async (username: string, level: string) => (await report(username, `level=${level}`)).rows.map((row) => row.code);
    expect(await names('rep-huadong-1', 'rep')).toEqual(['rep-huadong-1']);
    const team = await names('am-huadong-1', 'rep');
    expect(team).toEqual(expect.arrayContaining(['rep-huadong-1', 'rep-huadong-2']));
    expect(team.every((name) => ['rep-huadong-1', 'rep-huadong-2', 'am-huadong-1'].includes(name as string))).toBe(true);
    expect(await names('mm-huadong', 'market')).toEqual(['huadong']);
    const regions = await names('mm-huadong', 'region');
    expect(regions).toEqual(expect.arrayContaining(['huadong-1', 'huadong-2']));
    expect(regions.every((code) => code?.startsWith('huadong-'))).toBe(true);
    const markets = await names('director', 'market');
    expect(markets).toEqual(expect.arrayContaining(['huadong', 'huabei']));
    const mm = await report('mm-huadong', 'level=nation');
    const director = await report('director', 'level=nation');
    expect(director.total.storesTotal).toBeGreaterThan(mm.total.storesTotal);

    const huabeiRep = await userId(t.database.db, 'rep-huabei-1');
    expect((await storesOf('rep-huadong-1', `ownerUserId=${huabeiRep}`)).total).toBe(0);
    expect((await storesOf('mm-huadong', `ownerUserId=${huabeiRep}`)).total).toBe(0);
    expect((await storesOf('director', `ownerUserId=${huabeiRep}`)).total).toBeGreaterThan(0);
  });

  it('CUS-5 a geography narrows the report to the stores in it and below', async () => {
    const [huadong] = await selectRows<{ id: string | number }>(t.database.db, sql`SELECT id FROM geographies WHERE code = 'huadong'`);
    const narrowed = await report('director', `level=region&geographyId=${huadong?.id}`);
    expect(narrowed.rows.every((row) => row.code?.startsWith('huadong-'))).toBe(true);
    expect(narrowed.total).toEqual((await report('mm-huadong', 'level=region')).total);
  });

  it('CUS-5 home page: a rep gets their stores below minimum; a manager also the rate across the team', async () => {
    const rep = (await t.as('rep-huadong-1', { method: 'GET', url: '/api/field/compliance/me' })).json();
    expect(rep.team).toBeNull();
    expect(rep.mine.storesTotal).toBeGreaterThan(0);
    expect(rep.belowMinimum.length).toBe(Math.min(rep.belowMinimumTotal, 200));
    expect(rep.mine.nonCompliant).toBe(rep.belowMinimumTotal);
    expect(rep.belowMinimum.every((row: StoreRow) => row.ownerUserId === rep1 && row.shortfall > 0)).toBe(true);
    const manager = (await t.as('am-huadong-1', { method: 'GET', url: '/api/field/compliance/me' })).json();
    expect(manager.team.storesTotal).toBe((await report('am-huadong-1', 'level=nation')).total.storesTotal);
  });

  it('CUS-5 a user without the permission gets 403', async () => {
    expect((await t.as('finance', { method: 'GET', url: '/api/field/compliance' })).statusCode).toBe(403);
    expect((await t.as('finance', { method: 'GET', url: '/api/field/compliance/me' })).statusCode).toBe(403);
  });
});

describe('CUS-5 frozen months', () => {
  it('CUS-5 a frozen month reads its snapshot even after later visits, re-grading and new minimums; freezing twice changes nothing', async () => {
    const store = await createStore(t.database.db, { owner: 'rep-huadong-1', geography: 'huadong-1-1', grade: 'B' });
    await visitAt('rep-huadong-1', store, '2025-09-03T10:00:00+08:00');
    await visitAt('rep-huadong-1', store, '2025-09-30T23:59:00+08:00');
    const first = await t.database.db.transaction((tx) => freezeMonth(tx, '2025-09'));
    expect(first.frozen).toBe(true);
    expect(first.stores).toBeGreaterThan(0);
    expect((await auditOf(t.database.db, 'visit_compliance', '2025-09')).map((a) => a.action)).toEqual(['freeze']);
    const frozen = await storesOf('rep-huadong-1', `month=2025-09&ownerUserId=${rep1}`);
    expect(frozen.frozen).toBe(true);
    expect(frozen.items.find((row) => row.accountId === store)).toMatchObject({ grade: 'B', required: 5, done: 2 });

    await visitAt('rep-huadong-1', store, '2025-09-15T10:00:00+08:00');
    await t.database.db.execute(sql`UPDATE accounts SET grade = 'C' WHERE id = ${store}`);
    await setMinimumA(9);
    try {
      const later = await storesOf('rep-huadong-1', `month=2025-09&ownerUserId=${rep1}`);
      expect(later.items.find((row) => row.accountId === store)).toMatchObject({ grade: 'B', required: 5, done: 2 });
      const reportRow = (await report('rep-huadong-1', 'month=2025-09&level=rep')).rows[0];
      expect(reportRow).toMatchObject({ code: 'rep-huadong-1' });
    } finally {
      await setMinimumA(5);
    }

    const snapshotRows = async () =>
      (
        await selectRows<{ n: number }>(
          t.database.db,
          sql`SELECT count(*)::int AS n FROM visit_compliance_snapshots WHERE month = '2025-09-01'`,
        )
      )[0]?.n;
    const rows = await snapshotRows();
    expect(rows).toBe(first.stores);
    expect(await t.database.db.transaction((tx) => freezeMonth(tx, '2025-09'))).toEqual({ frozen: false, stores: 0 });
    expect(await snapshotRows()).toBe(rows);
    expect((await auditOf(t.database.db, 'visit_compliance', '2025-09')).map((a) => a.action)).toEqual(['freeze']);
  });

  it('CUS-5 the freeze job waits for the 7-day back-dating window, then freezes the previous month once', async () => {
    expect(await freezeClosedMonth(t.database.db, new Date('2025-11-07T23:00:00+08:00'))).toBeNull();
    const first = await freezeClosedMonth(t.database.db, new Date('2025-11-08T00:30:00+08:00'));
    expect(first).toMatchObject({ month: '2025-10', frozen: true });
    const again = await freezeClosedMonth(t.database.db, new Date('2025-11-20T00:30:00+08:00'));
    expect(again).toEqual({ month: '2025-10', frozen: false, stores: 0 });
    expect((await storesOf('rep-huadong-1', 'month=2025-10')).frozen).toBe(true);
  });

  it('CUS-5 the job is registered as field.compliance-freeze and runs without error when its month is frozen already', async () => {
    const ran = await runDueJobs(t.database.db, { log: { warn: () => undefined, error: () => undefined } });
    expect(ran).toContain('field.compliance-freeze');
  });
});
