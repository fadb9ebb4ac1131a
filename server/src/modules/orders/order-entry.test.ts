import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { selectRows } from '../../platform/db/raw.js';
import { type OrderFixture, orderApi, orderFixture, setCreditLimit, setStock, stockOf } from './order.test-support.js';

let t: TestApp;
let f: OrderFixture;

beforeAll(async () => {
  t = await createTestApp();
  f = await orderFixture(t.database.db);
});
afterAll(() => t.close());

const facts = (user: string, query: string, headers: Record<string, string> = {}) =>
  t.as(user, { method: 'GET', url: `/api/orders/entry-facts?${query}`, headers });

async function openReceivables(accountId: number): Promise<number> {
  const [row] = await selectRows<{ n: string }>(
    t.database.db,
    sql`SELECT coalesce(sum(total_fen), 0)::text AS n FROM orders WHERE account_id = ${accountId} AND paid_at IS NULL
      AND status IN ('confirmed', 'partially_shipped', 'shipped', 'completed')`,
  );
  return Number(row?.n);
}

describe('GET /api/orders/entry-facts', () => {
  it('OSB-1/OSB-2: credit limit minus open receivables, resolved price and free stock per SKU', async () => {
    const [a, b] = f.skus as [OrderFixture['skus'][number], OrderFixture['skus'][number]];
    await setCreditLimit(t.database.db, f.accountId, 5_000_000);
    await setStock(t.database.db, f.warehouseId, a.id, 37);
    await setStock(t.database.db, f.warehouseId, b.id, 0);
    const response = await facts('ssg', `accountId=${f.accountId}&skuIds=${a.id},${b.id}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const open = await openReceivables(f.accountId);
    expect(body.warehouseId).toBe(f.warehouseId);
    expect(body.credit).toMatchObject({ limitFen: 5_000_000, openReceivablesFen: open, availableFen: 5_000_000 - open });
    expect(body.skus).toEqual([
      expect.objectContaining({ skuId: a.id, listPriceFen: a.listPriceFen, floorPriceFen: a.floorPriceFen, availableStock: 37 }),
      expect.objectContaining({ skuId: b.id, listPriceFen: b.listPriceFen, floorPriceFen: b.floorPriceFen, availableStock: 0 }),
    ]);
  });

  it('OSB-2: a confirmed unpaid order counts as open receivable, exactly as the submit check sees it', async () => {
    const a = f.skus[0] as OrderFixture['skus'][number];
    await setCreditLimit(t.database.db, f.accountId, null);
    await setStock(t.database.db, f.warehouseId, a.id, 1000);
    const before = (await facts('ssg', `accountId=${f.accountId}`)).json();
    expect(before.credit.limitFen).toBeNull();
    expect(before.credit.availableFen).toBeNull();
    const api = orderApi(t);
    const created = await api.create('ssg', { accountId: f.accountId, channel: 'phone', submit: true, lines: [{ skuId: a.id, units: 2 }] });
    expect(created.statusCode).toBe(201);
    const order = created.json();
    expect(order.status).toBe('awaiting_finance');
    expect((await api.post('finance', `/api/orders/${order.id}/confirm`)).statusCode).toBe(200);
    const after = (await facts('ssg', `accountId=${f.accountId}`)).json();
    expect(after.credit.openReceivablesFen).toBe(before.credit.openReceivablesFen + order.totalFen);
  });

  it('OSB-1/OSB-4: the desk picks the warehouse: facts follow it, the order stores it and reserves there; the default is the account’s', async () => {
    const a = f.skus[1] as OrderFixture['skus'][number];
    const [other] = await selectRows<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM warehouses WHERE active AND id <> ${f.warehouseId} ORDER BY code LIMIT 1`,
    );
    const elsewhere = Number(other?.id);
    await setCreditLimit(t.database.db, f.accountId, null);
    await setStock(t.database.db, f.warehouseId, a.id, 11);
    await setStock(t.database.db, elsewhere, a.id, 7);
    const byDefault = (await facts('rep-huadong-1', `accountId=${f.accountId}&skuIds=${a.id}`)).json();
    expect(byDefault).toMatchObject({ warehouseId: f.warehouseId, defaultWarehouseId: f.warehouseId });
    expect(byDefault.skus[0].availableStock).toBe(11);
    const chosen = (await facts('rep-huadong-1', `accountId=${f.accountId}&warehouseId=${elsewhere}&skuIds=${a.id}`)).json();
    expect(chosen).toMatchObject({ warehouseId: elsewhere, defaultWarehouseId: f.warehouseId });
    expect(chosen.skus[0].availableStock).toBe(7);
    const [closed] = await selectRows<{ id: number }>(
      t.database.db,
      sql`INSERT INTO warehouses (code, name, kind, active) VALUES ('T-CLOSED', '停用仓', 'regional', false) RETURNING id`,
    );
    const refused = await facts('rep-huadong-1', `accountId=${f.accountId}&warehouseId=${closed?.id}`, { 'accept-language': 'en' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'orders.warehouseUnknown', details: { field: 'warehouseId' } });
    expect(refused.json().error.message).toContain('warehouseId');

    const api = orderApi(t);
    const lines = [{ skuId: a.id, units: 2 }];
    const picked = await api.create('rep-huadong-1', {
      accountId: f.accountId,
      channel: 'field',
      warehouseId: elsewhere,
      submit: true,
      lines,
    });
    expect(picked.statusCode, picked.body).toBe(201);
    expect(picked.json().warehouseId).toBe(elsewhere);
    expect((await api.post('finance', `/api/orders/${picked.json().id}/confirm`)).statusCode).toBe(200);
    expect(await stockOf(t.database.db, elsewhere, a.id)).toEqual({ onHand: 7, reserved: 2 });
    expect(await stockOf(t.database.db, f.warehouseId, a.id)).toEqual({ onHand: 11, reserved: 0 });
    const plain = await api.create('rep-huadong-1', { accountId: f.accountId, channel: 'field', lines });
    expect(plain.json().warehouseId).toBe(f.warehouseId);
  });

  it('scope: an account outside my scope reads as 404; a user without orders.enter is refused', async () => {
    const other = await orderFixture(t.database.db, 'rep-huanan-1');
    expect((await facts('rep-huadong-1', `accountId=${other.accountId}`)).statusCode).toBe(404);
    expect((await facts('rep-huadong-1', `accountId=${f.accountId}`)).statusCode).toBe(200);
    expect((await facts('logistics', `accountId=${f.accountId}`)).statusCode).toBe(403);
  });

  it('bad input names the field, in zh-CN by default and in English on request', async () => {
    const zh = await facts('ssg', `accountId=${f.accountId}&skuIds=1,abc`);
    expect(zh.statusCode).toBe(400);
    expect(zh.body).toContain('skuIds');
    const en = await facts('ssg', 'accountId=0', { 'accept-language': 'en' });
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('accountId');
  });
});
