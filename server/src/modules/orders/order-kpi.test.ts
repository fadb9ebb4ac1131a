import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { selectRows } from '../../platform/db/raw.js';
import { addDays, shanghaiDate } from '../../platform/time.js';
import { type OrderFixture, orderApi, orderFixture, setCreditLimit, setStock } from './order.test-support.js';

let t: TestApp;
let api: ReturnType<typeof orderApi>;
/** Three accounts of rep-huadong-1 and one of rep-huadong-2, all in the 华东 market. */
let a: OrderFixture;
let b: OrderFixture;
let c: OrderFixture;
let d: OrderFixture;
const kinds = new Map<number, string>();

const url = '/api/orders/kpi/repeat-purchase';
const kpi = (user: string, query = '', headers: Record<string, string> = {}) =>
  t.as(user, { method: 'GET', url: query ? `${url}?${query}` : url, headers });

/** Enters an order for the fixture's account (submitted unless `draft`), then dates its entry at `at`. */
async function order(user: string, f: OrderFixture, at: string, how: 'placed' | 'draft' | 'cancelled' = 'placed'): Promise<number> {
  const created = await api.create(user, {
    accountId: f.accountId,
    channel: 'phone',
    submit: how !== 'draft',
    lines: [{ skuId: f.skus[0]?.id, units: 1 }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as number;
  if (how === 'cancelled') {
    const cancelled = await api.post(user, `/api/orders/${id}/cancel`, { reason: '客户改期' });
    expect(cancelled.json().status, cancelled.body).toBe('cancelled');
  }
  await t.database.db.execute(sql`UPDATE orders SET created_at = ${at}::timestamptz WHERE id = ${id}`);
  return id;
}

/** The expected byKind rows for accounts → their placed-order counts. */
function expectedByKind(counts: [OrderFixture, number][]) {
  const byKind = new Map<string, { accounts: number; repeatAccounts: number }>();
  for (const [f, n] of counts) {
    const kind = kinds.get(f.accountId) as string;
    const entry = byKind.get(kind) ?? { accounts: 0, repeatAccounts: 0 };
    entry.accounts += 1;
    if (n >= 2) entry.repeatAccounts += 1;
    byKind.set(kind, entry);
  }
  return [...byKind.entries()]
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(([kind, e]) => ({ kind, ...e, rate: Math.round((e.repeatAccounts / e.accounts) * 10_000) / 10_000 }));
}

beforeAll(async () => {
  t = await createTestApp();
  api = orderApi(t);
  const db = t.database.db;
  a = await orderFixture(db, 'rep-huadong-1', 0);
  b = await orderFixture(db, 'rep-huadong-1', 1);
  c = await orderFixture(db, 'rep-huadong-1', 2);
  d = await orderFixture(db, 'rep-huadong-2', 0);
  for (const f of [a, b, c, d]) {
    await setStock(db, f.warehouseId, f.skus[0]?.id as number, 1000);
    await setCreditLimit(db, f.accountId, null);
  }
  const rows = await selectRows<{ id: number; kind: string }>(
    db,
    sql`SELECT id, kind FROM accounts WHERE id IN (${a.accountId}, ${b.accountId}, ${c.accountId}, ${d.accountId})`,
  );
  for (const row of rows) kinds.set(Number(row.id), row.kind);

  // March 2021, long before the demo's order history. Shanghai edges differ from UTC ones by 8 hours:
  // 00:30 on 1 March in Shanghai is still 28 February in UTC, 00:30 on 1 April is still 31 March.
  await order('rep-huadong-1', a, '2021-03-01T00:30:00+08:00');
  await order('rep-huadong-1', a, '2021-03-31T23:59:59+08:00');
  await order('rep-huadong-1', b, '2021-03-15T12:00:00+08:00');
  await order('rep-huadong-1', b, '2021-04-01T00:30:00+08:00');
  await order('rep-huadong-1', c, '2021-03-10T09:00:00+08:00');
  await order('rep-huadong-1', c, '2021-03-11T09:00:00+08:00', 'cancelled');
  await order('rep-huadong-1', c, '2021-03-12T09:00:00+08:00', 'draft');
  await order('rep-huadong-2', d, '2021-03-05T10:00:00+08:00');
  await order('rep-huadong-2', d, '2021-03-20T10:00:00+08:00');
});
afterAll(() => t.close());

describe('CUS-10 repeat-purchase rate', () => {
  it('CUS-10 two placed orders in the period make a repeat buyer; one, a cancelled or a draft one do not; Shanghai day edges', async () => {
    const response = await kpi('rep-huadong-1', 'from=2021-03-01&to=2021-03-31');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      from: '2021-03-01',
      to: '2021-03-31',
      accounts: 3,
      repeatAccounts: 1,
      rate: 0.3333,
      byKind: expectedByKind([
        [a, 2],
        [b, 1],
        [c, 1],
      ]),
    });
    // Stretching the period to 1 April takes in B's second order; starting on 2 March drops A's first.
    const april = (await kpi('rep-huadong-1', 'from=2021-03-01&to=2021-04-01')).json();
    expect(april).toMatchObject({ accounts: 3, repeatAccounts: 2, rate: 0.6667 });
    const late = (await kpi('rep-huadong-1', 'from=2021-03-02&to=2021-03-31')).json();
    expect(late).toMatchObject({ accounts: 3, repeatAccounts: 0, rate: 0 });
    const before = (await kpi('rep-huadong-1', 'from=2021-02-01&to=2021-02-28')).json();
    expect(before).toEqual({ from: '2021-02-01', to: '2021-02-28', accounts: 0, repeatAccounts: 0, rate: null, byKind: [] });
  });

  it('CUS-10 scope: a rep counts only own orders, the market manager the whole market', async () => {
    const own = (await kpi('rep-huadong-2', 'from=2021-03-01&to=2021-03-31')).json();
    expect(own).toMatchObject({ accounts: 1, repeatAccounts: 1, rate: 1, byKind: expectedByKind([[d, 2]]) });
    const market = (await kpi('mm-huadong', 'from=2021-03-01&to=2021-03-31')).json();
    expect(market).toEqual({
      from: '2021-03-01',
      to: '2021-03-31',
      accounts: 4,
      repeatAccounts: 2,
      rate: 0.5,
      byKind: expectedByKind([
        [a, 2],
        [b, 1],
        [c, 1],
        [d, 2],
      ]),
    });
    const otherMarket = (await kpi('mm-huabei', 'from=2021-03-01&to=2021-03-31')).json();
    expect(otherMarket).toMatchObject({ accounts: 0, rate: null });
  });

  it('CUS-10 without a period: the last 90 Shanghai days, today included, over the demo order history', async () => {
    const today = shanghaiDate(new Date());
    const response = await kpi('director');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ from: addDays(today, -89), to: today });
    expect(body.accounts).toBeGreaterThan(0);
    expect(body.repeatAccounts).toBeLessThanOrEqual(body.accounts);
    expect(body.byKind.reduce((sum: number, row: { accounts: number }) => sum + row.accounts, 0)).toBe(body.accounts);
    const onlyFrom = (await kpi('director', `from=${addDays(today, -9)}`)).json();
    expect(onlyFrom).toMatchObject({ from: addDays(today, -9), to: today });
  });

  it('CUS-10 bad periods name the field, in zh-CN and en', async () => {
    const reversed = await kpi('mm-huadong', 'from=2021-03-31&to=2021-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error).toMatchObject({ code: 'orders.periodReversed', details: { field: 'to' } });
    expect(reversed.json().error.message).toContain('开始日期');
    const english = await kpi('mm-huadong', 'from=2021-03-31&to=2021-03-01', { 'accept-language': 'en' });
    expect(english.json().error.message).toBe('to cannot be before the start date (2021-03-31)');
    const tooLong = await kpi('mm-huadong', 'from=2020-01-01&to=2021-03-01');
    expect(tooLong.json().error).toMatchObject({ code: 'orders.periodTooLong', details: { field: 'to' } });
    const future = shanghaiDate(new Date(Date.now() + 30 * 86_400_000));
    const fromAfterToday = await kpi('mm-huadong', `from=${future}`);
    expect(fromAfterToday.json().error).toMatchObject({ code: 'orders.periodReversed', details: { field: 'from' } });
    const malformed = await kpi('mm-huadong', 'from=2021-02-30');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details.fields[0].field).toBe('from');
  });

  it('CUS-10 the rate needs orders.read: marketing without it is refused', async () => {
    expect((await kpi('marketing', 'from=2021-03-01&to=2021-03-31')).statusCode).toBe(403);
  });
});
