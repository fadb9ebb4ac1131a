import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { reserveStock } from './inventory.service.js';
import { countRows, geographyIdOf, idOf, ledgerCheck, level, newWarehouse, receive, skuIds, userIdOf } from './inventory.test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (user: string, url: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.as(user, { method: 'POST', url, payload, headers });
const get = (user: string, url: string) => t.as(user, { method: 'GET', url });

describe('OSB-4 receipts', () => {
  it('OSB-4 goods in add on-hand stock with one ledger entry per line and an audit row', async () => {
    const warehouseId = await newWarehouse(t);
    const [a, b] = await skuIds(t, 2);
    const response = await post('logistics', '/api/inventory/receipts', {
      warehouseId,
      reference: ' 采购到货 PO-2026-118 ',
      lines: [
        { skuId: b, quantity: 24 },
        { skuId: a, quantity: 120 },
      ],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().levels).toHaveLength(2);
    expect(await level(t, warehouseId, a as number)).toEqual({ onHand: 120, reserved: 0 });
    const ledger = (await get('logistics', `/api/inventory/ledger?warehouseId=${warehouseId}&skuId=${a}`)).json();
    expect(ledger.items).toMatchObject([
      { kind: 'receipt', onHandDelta: 120, reservedDelta: 0, note: '采购到货 PO-2026-118', userName: expect.any(String) },
    ]);
    expect(
      await countRows(t, sql`SELECT count(*) AS n FROM audit_log WHERE entity = 'stock_receipt' AND entity_id = ${String(warehouseId)}`),
    ).toBe(1);
  });

  it('OSB-4 bad receipts are refused by field, in zh-CN and en, and change nothing', async () => {
    const warehouseId = await newWarehouse(t);
    const [a] = await skuIds(t, 1);
    const before = await countRows(t, sql`SELECT count(*) AS n FROM stock_movements`);
    const unknown = await post('logistics', '/api/inventory/receipts', {
      warehouseId,
      reference: 'X',
      lines: [
        { skuId: a, quantity: 1 },
        { skuId: 987_654, quantity: 1 },
      ],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'orders.skuUnknown', details: { field: 'lines[1].skuId' } });
    expect(unknown.json().error.message).toContain('SKU 不存在');
    const english = await post(
      'logistics',
      '/api/inventory/receipts',
      { warehouseId, reference: 'X', lines: [{ skuId: 987_654, quantity: 1 }] },
      { 'accept-language': 'en' },
    );
    expect(english.json().error.message).toBe('lines[0].skuId refers to a SKU that does not exist');
    const zero = await post('logistics', '/api/inventory/receipts', { warehouseId, reference: 'X', lines: [{ skuId: a, quantity: 0 }] });
    expect(zero.statusCode).toBe(400);
    expect(JSON.stringify(zero.json().error.details.fields)).toContain('quantity');
    const twice = await post('logistics', '/api/inventory/receipts', {
      warehouseId,
      reference: 'X',
      lines: [
        { skuId: a, quantity: 1 },
        { skuId: a, quantity: 2 },
      ],
    });
    expect(twice.json().error).toMatchObject({ code: 'orders.skuDuplicate', details: { field: 'lines[1].skuId' } });
    const blank = await post('logistics', '/api/inventory/receipts', { warehouseId, reference: '  ', lines: [{ skuId: a, quantity: 1 }] });
    expect(blank.statusCode).toBe(400);
    const noWarehouse = await post('logistics', '/api/inventory/receipts', {
      warehouseId: 987_654,
      reference: 'X',
      lines: [{ skuId: a, quantity: 1 }],
    });
    expect(noWarehouse.json().error).toMatchObject({ code: 'orders.warehouseNotFound', details: { field: 'warehouseId' } });
    expect(await countRows(t, sql`SELECT count(*) AS n FROM stock_movements`)).toBe(before);
  });

  it('OSB-4 only holders of the receive permission take goods in', async () => {
    const warehouseId = await newWarehouse(t);
    const [a] = await skuIds(t, 1);
    for (const user of ['rep-huadong-1', 'ssg']) {
      const response = await post(user, '/api/inventory/receipts', { warehouseId, reference: 'X', lines: [{ skuId: a, quantity: 1 }] });
      expect(response.statusCode).toBe(403);
    }
    expect(await level(t, warehouseId, a as number)).toEqual({ onHand: 0, reserved: 0 });
  });
});

describe('OSB-4 stock list, ledger and minimum stock', () => {
  it('OSB-4 the ledger pages newest first by cursor without gaps or repeats', async () => {
    const warehouseId = await newWarehouse(t);
    const [a] = await skuIds(t, 1);
    for (let i = 1; i <= 5; i++) await receive(t, warehouseId, [{ skuId: a as number, quantity: i }], `RK-${i}`);
    const url = `/api/inventory/ledger?warehouseId=${warehouseId}&skuId=${a}&limit=2`;
    const first = (await get('logistics', url)).json();
    expect(first.items.map((m: { note: string }) => m.note)).toEqual(['RK-5', 'RK-4']);
    const second = (await get('logistics', `${url}&before=${first.nextCursor}`)).json();
    expect(second.items.map((m: { note: string }) => m.note)).toEqual(['RK-3', 'RK-2']);
    const third = (await get('logistics', `${url}&before=${second.nextCursor}`)).json();
    expect(third.items.map((m: { note: string }) => m.note)).toEqual(['RK-1']);
    expect(third.nextCursor).toBeNull();
  });

  it('OSB-4 stock lists per warehouse with keyword and below-minimum filters', async () => {
    const warehouseId = await newWarehouse(t);
    const [a, b] = await skuIds(t, 2, 5);
    await receive(t, warehouseId, [
      { skuId: a as number, quantity: 50 },
      { skuId: b as number, quantity: 5 },
    ]);
    const set = await t.as('logistics', {
      method: 'PUT',
      url: '/api/inventory/stock/min-stock',
      payload: { warehouseId, skuId: b, minStock: 10 },
    });
    expect(set.statusCode).toBe(200);
    const all = (await get('logistics', `/api/inventory/stock?warehouseId=${warehouseId}`)).json();
    expect(all.total).toBe(2);
    const [code] = (await get('logistics', `/api/inventory/stock?warehouseId=${warehouseId}&skuId=${a}`))
      .json()
      .items.map((i: { skuCode: string }) => i.skuCode);
    const byKeyword = (
      await get('logistics', `/api/inventory/stock?warehouseId=${warehouseId}&keyword=${encodeURIComponent(code)}`)
    ).json();
    expect(byKeyword.items.map((i: { skuId: number }) => i.skuId)).toContain(a);
    const below = (await get('logistics', `/api/inventory/stock/below-minimum?warehouseId=${warehouseId}`)).json();
    expect(below.items).toMatchObject([{ skuId: b, available: 5, minStock: 10, belowMinimum: true }]);
    const negative = await t.as('logistics', {
      method: 'PUT',
      url: '/api/inventory/stock/min-stock',
      payload: { warehouseId, skuId: b, minStock: -1 },
    });
    expect(negative.statusCode).toBe(400);
  });

  it('OSB-4 the warehouse manager is told once when available stock falls below the minimum', async () => {
    const warehouseId = await newWarehouse(t);
    const [a] = await skuIds(t, 1, 8);
    const logistics = await userIdOf(t, 'logistics');
    await receive(t, warehouseId, [{ skuId: a as number, quantity: 20 }]);
    await t.as('logistics', { method: 'PUT', url: '/api/inventory/stock/min-stock', payload: { warehouseId, skuId: a, minStock: 15 } });
    const alerts = () =>
      countRows(
        t,
        sql`SELECT count(*) AS n FROM notifications WHERE user_id = ${logistics} AND kind = 'inventory.belowMinimum'
          AND link = ${`/inventory/stock?warehouseId=${warehouseId}&skuId=${a}`}`,
      );
    const reserve = (quantity: number, orderId: number) =>
      t.database.db.transaction((tx) =>
        reserveStock(tx, { orderId, warehouseId, lines: [{ skuId: a as number, quantity }], userId: logistics }),
      );
    await reserve(5, 800_001);
    expect(await alerts()).toBe(0);
    await reserve(1, 800_002);
    expect(await alerts()).toBe(1);
    await reserve(1, 800_003);
    expect(await alerts()).toBe(1);
  });
});

describe('OSB-4 ledger check', () => {
  it('OSB-4 the check recomputes levels from the ledger and reports a level that drifted', async () => {
    const warehouseId = await newWarehouse(t);
    const [a] = await skuIds(t, 1);
    await receive(t, warehouseId, [{ skuId: a as number, quantity: 9 }]);
    expect(await ledgerCheck(t)).toEqual({ ok: true, mismatches: [], overdrawnOrders: [] });
    await t.database.db.execute(sql`UPDATE stock_levels SET on_hand = 11 WHERE warehouse_id = ${warehouseId} AND sku_id = ${a}`);
    expect(await ledgerCheck(t)).toEqual({
      ok: false,
      mismatches: [{ warehouseId, skuId: a, onHand: 11, reserved: 0, ledgerOnHand: 9, ledgerReserved: 0 }],
      overdrawnOrders: [],
    });
    await t.database.db.execute(sql`UPDATE stock_levels SET on_hand = 9 WHERE warehouse_id = ${warehouseId} AND sku_id = ${a}`);
    expect((await ledgerCheck(t)).ok).toBe(true);
    expect((await get('logistics', '/api/inventory/ledger-check')).statusCode).toBe(200);
    expect((await get('ssg', '/api/inventory/ledger-check')).statusCode).toBe(403);
  });

  it('OSB-4 the demo stock agrees with its ledger and has SKUs below their minimum', async () => {
    expect((await ledgerCheck(t)).mismatches).toEqual([]);
    const below = (await get('logistics', '/api/inventory/stock/below-minimum?limit=200')).json();
    expect(below.total).toBeGreaterThan(0);
  });
});

describe('OSB-4 warehouses and data scope', () => {
  it('OSB-4 a market manager sees the central warehouse and their market’s, not another market’s (404)', async () => {
    const beijing = await idOf(t, sql`SELECT id FROM warehouses WHERE code = 'BJ-01'`);
    const guangzhou = await idOf(t, sql`SELECT id FROM warehouses WHERE code = 'GZ-01'`);
    const list = (await get('mm-huanan', '/api/inventory/warehouses?limit=200')).json();
    const codes = list.items.map((w: { code: string }) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['SH-CENTRAL', 'GZ-01']));
    expect(codes).not.toContain('BJ-01');
    expect((await get('mm-huanan', `/api/inventory/warehouses/${guangzhou}`)).statusCode).toBe(200);
    expect((await get('mm-huanan', `/api/inventory/warehouses/${beijing}`)).statusCode).toBe(404);
    const [a] = await skuIds(t, 1);
    expect((await get('mm-huanan', `/api/inventory/ledger?warehouseId=${beijing}&skuId=${a}`)).statusCode).toBe(404);
    expect((await get('mm-huanan', `/api/inventory/stock?warehouseId=${beijing}`)).json().total).toBe(0);
    expect((await get('rep-huanan-1', '/api/inventory/warehouses')).statusCode).toBe(403);
  });

  it('OSB-4 reps, area and market managers and SSG list the warehouses to ship from, names only, and manage no inventory', async () => {
    const closed = await newWarehouse(t, { active: false });
    const active = await countRows(t, sql`SELECT count(*) AS n FROM warehouses WHERE active`);
    for (const user of ['rep-huanan-1', 'am-huadong-1', 'mm-huadong', 'ssg', 'logistics']) {
      const response = await get(user, '/api/inventory/warehouse-options?limit=200');
      expect(response.statusCode, `${user} ${response.body}`).toBe(200);
      const { items, total } = response.json();
      expect(total).toBe(active);
      // Every active warehouse whatever the reader's scope (an order may ship from any), and nothing but names.
      expect(items.map((w: { code: string }) => w.code)).toEqual(expect.arrayContaining(['SH-CENTRAL', 'BJ-01', 'GZ-01']));
      expect(items.map((w: { id: number }) => w.id)).not.toContain(closed);
      expect(Object.keys(items[0]).sort()).toEqual(['code', 'geographyId', 'id', 'kind', 'name']);
    }
    const beijing = await idOf(t, sql`SELECT id FROM warehouses WHERE code = 'BJ-01'`);
    const [a] = await skuIds(t, 1);
    const rep = 'rep-huanan-1';
    expect((await get(rep, '/api/inventory/warehouses')).statusCode).toBe(403);
    expect((await get(rep, `/api/inventory/stock?warehouseId=${beijing}`)).statusCode).toBe(403);
    expect((await get(rep, `/api/inventory/ledger?warehouseId=${beijing}&skuId=${a}`)).statusCode).toBe(403);
    const before = await level(t, beijing, a as number);
    const receipt = await post(rep, '/api/inventory/receipts', {
      warehouseId: beijing,
      reference: 'X',
      lines: [{ skuId: a, quantity: 1 }],
    });
    expect(receipt.statusCode).toBe(403);
    expect(receipt.json().error.code).toBe('platform.forbidden');
    expect((await post(rep, '/api/inventory/stocktakes', { warehouseId: beijing })).statusCode).toBe(403);
    expect(await level(t, beijing, a as number)).toEqual(before);
    // Without orders.enter there is nothing to pick a warehouse for.
    expect((await get('marketing', '/api/inventory/warehouse-options')).statusCode).toBe(403);
  });

  it('OSB-4 warehouses are created and changed by the manage permission only, with checked references', async () => {
    const huabei = await geographyIdOf(t, 'huabei');
    const payload = { code: 'TJ-01', name: '天津仓', kind: 'regional', geographyId: huabei };
    expect((await post('logistics', '/api/inventory/warehouses', { ...payload, code: 'TJ-00' })).statusCode).toBe(201);
    expect((await post('ssg', '/api/inventory/warehouses', payload)).statusCode).toBe(403);
    const taken = await post('logistics', '/api/inventory/warehouses', { ...payload, code: 'BJ-01' });
    expect(taken.json().error).toMatchObject({ code: 'orders.warehouseCodeTaken', details: { field: 'code' } });
    const badGeo = await post('logistics', '/api/inventory/warehouses', { ...payload, geographyId: 987_654 });
    expect(badGeo.json().error).toMatchObject({ code: 'orders.geographyUnknown', details: { field: 'geographyId' } });
    const badManager = await post('logistics', '/api/inventory/warehouses', { ...payload, managerUserId: 987_654 });
    expect(badManager.json().error).toMatchObject({ code: 'orders.managerUnknown', details: { field: 'managerUserId' } });
    const badKind = await post('logistics', '/api/inventory/warehouses', { ...payload, kind: 'moon' });
    expect(badKind.statusCode).toBe(400);
    expect(await countRows(t, sql`SELECT count(*) AS n FROM warehouses WHERE code = 'TJ-01'`)).toBe(0);
    const created = await post('logistics', '/api/inventory/warehouses', payload);
    expect(created.statusCode).toBe(201);
    const changed = await t.as('logistics', {
      method: 'PATCH',
      url: `/api/inventory/warehouses/${created.json().id}`,
      payload: { name: '天津北辰仓' },
    });
    expect(changed.json()).toMatchObject({ name: '天津北辰仓', geographyName: '华北' });
    expect(
      await countRows(t, sql`SELECT count(*) AS n FROM audit_log WHERE entity = 'warehouse' AND entity_id = ${String(created.json().id)}`),
    ).toBe(2);
  });
});
