import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { AppError } from '../../platform/errors/app-error.js';
import { geographyPath } from '../org/index.js';
import {
  availableStock,
  defaultWarehouseFor,
  releaseReservation,
  reservedForOrder,
  reserveStock,
  shipReserved,
} from './inventory.service.js';
import { countRows, geographyIdOf, ledgerCheck, level, newWarehouse, receive, skuIds, userIdOf } from './inventory.test-support.js';

let t: TestApp;
let logistics: number;
beforeAll(async () => {
  t = await createTestApp();
  logistics = await userIdOf(t, 'logistics');
});
afterAll(() => t.close());

// Order ids are plain integers in the ledger; each test uses its own range.
let nextOrder = 900_000;
const orderId = () => {
  nextOrder += 1;
  return nextOrder;
};

const reserve = (warehouseId: number, order: number, lines: { skuId: number; quantity: number }[]) =>
  t.database.db.transaction((tx) => reserveStock(tx, { orderId: order, warehouseId, lines, userId: logistics }));

/** Settles a promise into what a caller would see: ok, or the AppError code. */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.definition.code;
    throw error;
  }
}

describe('OSB-4 reservations never oversell', () => {
  it('OSB-4 50 concurrent one-unit reservations against 20 in stock: exactly 20 succeed, the rest are out of stock', async () => {
    const warehouseId = await newWarehouse(t);
    const [sku] = await skuIds(t, 1);
    if (sku === undefined) throw new Error('no sku');
    await receive(t, warehouseId, [{ skuId: sku, quantity: 20 }]);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => outcome(reserve(warehouseId, orderId(), [{ skuId: sku, quantity: 1 }]))),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(20);
    expect(results.filter((r) => r === 'orders.outOfStock')).toHaveLength(30);
    expect(await level(t, warehouseId, sku)).toEqual({ onHand: 20, reserved: 20 });
    expect(
      await countRows(t, sql`SELECT count(*) AS n FROM stock_movements WHERE warehouse_id = ${warehouseId} AND kind = 'reservation'`),
    ).toBe(20);
    expect(await countRows(t, sql`SELECT count(*) AS n FROM stock_levels WHERE on_hand < 0 OR reserved < 0 OR reserved > on_hand`)).toBe(0);
    expect(await ledgerCheck(t)).toEqual({ ok: true, mismatches: [], overdrawnOrders: [] });
  });

  it('OSB-4 two orders over the same SKUs, listed in opposite orders, never deadlock', async () => {
    const warehouseId = await newWarehouse(t);
    const [a, b, c] = await skuIds(t, 3);
    if (a === undefined || b === undefined || c === undefined) throw new Error('no sku');
    await receive(t, warehouseId, [
      { skuId: a, quantity: 100 },
      { skuId: b, quantity: 100 },
      { skuId: c, quantity: 100 },
    ]);
    const rounds = Array.from({ length: 10 }, () => [
      reserve(warehouseId, orderId(), [
        { skuId: a, quantity: 1 },
        { skuId: b, quantity: 1 },
        { skuId: c, quantity: 1 },
      ]),
      reserve(warehouseId, orderId(), [
        { skuId: c, quantity: 1 },
        { skuId: b, quantity: 1 },
        { skuId: a, quantity: 1 },
      ]),
    ]).flat();
    expect(await Promise.all(rounds.map(outcome))).toEqual(Array(20).fill('ok'));
    for (const sku of [a, b, c]) expect(await level(t, warehouseId, sku)).toEqual({ onHand: 100, reserved: 20 });
  });

  it('OSB-4 all or nothing: one short line fails the order, names every short SKU, and reserves nothing', async () => {
    const warehouseId = await newWarehouse(t);
    const [a, b, c] = await skuIds(t, 3, 3);
    if (a === undefined || b === undefined || c === undefined) throw new Error('no sku');
    await receive(t, warehouseId, [
      { skuId: a, quantity: 10 },
      { skuId: b, quantity: 2 },
    ]);
    const order = orderId();
    const error = await reserve(warehouseId, order, [
      { skuId: a, quantity: 5 },
      { skuId: b, quantity: 3 },
      { skuId: c, quantity: 1 },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.definition.code).toBe('orders.outOfStock');
    expect(appError.details).toMatchObject({
      lines: [
        { skuId: b, requested: 3, available: 2, sku: expect.any(String) },
        { skuId: c, requested: 1, available: 0, sku: expect.any(String) },
      ],
    });
    expect(await level(t, warehouseId, a)).toEqual({ onHand: 10, reserved: 0 });
    expect(await reservedForOrder(t.database.db, order)).toEqual([]);
  });

  it('OSB-4 bad lines: zero quantity and a repeated SKU are refused by field', async () => {
    const warehouseId = await newWarehouse(t);
    const [a] = await skuIds(t, 1);
    if (a === undefined) throw new Error('no sku');
    await receive(t, warehouseId, [{ skuId: a, quantity: 10 }]);
    const zero = await reserve(warehouseId, orderId(), [{ skuId: a, quantity: 0 }]).catch((e: AppError) => e);
    expect(zero).toMatchObject({ definition: { code: 'orders.quantityInvalid' }, details: { field: 'lines[0].quantity' } });
    const twice = await reserve(warehouseId, orderId(), [
      { skuId: a, quantity: 1 },
      { skuId: a, quantity: 1 },
    ]).catch((e: AppError) => e);
    expect(twice).toMatchObject({ definition: { code: 'orders.skuDuplicate' }, details: { field: 'lines[1].skuId' } });
    expect(await level(t, warehouseId, a)).toEqual({ onHand: 10, reserved: 0 });
  });
});

describe('OSB-4 release and shipment of reserved stock', () => {
  it('OSB-4 release gives back what the order holds and is idempotent', async () => {
    const warehouseId = await newWarehouse(t);
    const [a, b] = await skuIds(t, 2);
    if (a === undefined || b === undefined) throw new Error('no sku');
    await receive(t, warehouseId, [
      { skuId: a, quantity: 10 },
      { skuId: b, quantity: 10 },
    ]);
    const order = orderId();
    await reserve(warehouseId, order, [
      { skuId: a, quantity: 4 },
      { skuId: b, quantity: 6 },
    ]);
    expect(await reservedForOrder(t.database.db, order)).toEqual([
      { warehouseId, skuId: a, quantity: 4 },
      { warehouseId, skuId: b, quantity: 6 },
    ]);
    const release = () =>
      t.database.db.transaction((tx) => releaseReservation(tx, { orderId: order, userId: logistics, reason: '客户取消' }));
    await Promise.all([release(), release()]);
    await release();
    expect(await reservedForOrder(t.database.db, order)).toEqual([]);
    expect(await level(t, warehouseId, a)).toEqual({ onHand: 10, reserved: 0 });
    expect(await countRows(t, sql`SELECT count(*) AS n FROM stock_movements WHERE order_id = ${order} AND kind = 'release'`)).toBe(2);
    const stock = await availableStock(t.database.db, { warehouseId, skuIds: [a, b] });
    expect(stock.get(b)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    expect((await ledgerCheck(t)).ok).toBe(true);
  });

  it('OSB-4 shipping takes reserved goods out of stock and never more than the order holds', async () => {
    const warehouseId = await newWarehouse(t);
    const otherWarehouse = await newWarehouse(t);
    const [a] = await skuIds(t, 1);
    if (a === undefined) throw new Error('no sku');
    await receive(t, warehouseId, [{ skuId: a, quantity: 10 }]);
    await receive(t, otherWarehouse, [{ skuId: a, quantity: 10 }]);
    const order = orderId();
    await reserve(warehouseId, order, [{ skuId: a, quantity: 5 }]);
    const ship = (warehouse: number, quantity: number, shipmentId = 77) =>
      t.database.db.transaction((tx) =>
        shipReserved(tx, { orderId: order, shipmentId, warehouseId: warehouse, lines: [{ skuId: a, quantity }], userId: logistics }),
      );
    const tooMany = await ship(warehouseId, 6).catch((e: AppError) => e);
    expect(tooMany).toMatchObject({
      definition: { code: 'orders.shipExceedsReserved' },
      details: { field: 'lines[0].quantity', requested: 6, reserved: 5 },
    });
    // The order holds nothing in the other warehouse, whatever that one has in stock.
    expect(await outcome(ship(otherWarehouse, 1))).toBe('orders.shipExceedsReserved');
    expect(await level(t, warehouseId, a)).toEqual({ onHand: 10, reserved: 5 });

    await ship(warehouseId, 3, 78);
    expect(await level(t, warehouseId, a)).toEqual({ onHand: 7, reserved: 2 });
    expect(await reservedForOrder(t.database.db, order)).toEqual([{ warehouseId, skuId: a, quantity: 2 }]);
    await ship(warehouseId, 2, 79);
    expect(await outcome(ship(warehouseId, 1, 80))).toBe('orders.shipExceedsReserved');
    expect(await level(t, warehouseId, a)).toEqual({ onHand: 5, reserved: 0 });
    expect(
      await countRows(
        t,
        sql`SELECT count(*) AS n FROM stock_movements WHERE order_id = ${order} AND kind = 'shipment' AND shipment_id IN (78, 79)`,
      ),
    ).toBe(2);
    // Nothing left to release once all is shipped.
    await t.database.db.transaction((tx) => releaseReservation(tx, { orderId: order, userId: logistics, reason: 'done' }));
    expect(await countRows(t, sql`SELECT count(*) AS n FROM stock_movements WHERE order_id = ${order} AND kind = 'release'`)).toBe(0);
    expect(await ledgerCheck(t)).toEqual({ ok: true, mismatches: [], overdrawnOrders: [] });
  });
});

describe('OSB-4 availability and default warehouse', () => {
  it('OSB-4 available stock per warehouse and over all active warehouses; unknown SKUs read as zero', async () => {
    const w1 = await newWarehouse(t);
    const w2 = await newWarehouse(t);
    const [a, b] = await skuIds(t, 2, 20);
    if (a === undefined || b === undefined) throw new Error('no sku');
    await receive(t, w1, [{ skuId: a, quantity: 7 }]);
    await receive(t, w2, [{ skuId: a, quantity: 5 }]);
    await reserve(w1, orderId(), [{ skuId: a, quantity: 2 }]);
    const one = await availableStock(t.database.db, { warehouseId: w1, skuIds: [a, 999_999] });
    expect(one.get(a)).toEqual({ onHand: 7, reserved: 2, available: 5 });
    expect(one.get(999_999)).toEqual({ onHand: 0, reserved: 0, available: 0 });
    const before = (await availableStock(t.database.db, { skuIds: [a] })).get(a);
    await t.as('admin', { method: 'PATCH', url: `/api/inventory/warehouses/${w2}`, payload: { active: false } });
    const after = (await availableStock(t.database.db, { skuIds: [a] })).get(a);
    expect((before?.onHand ?? 0) - (after?.onHand ?? 0)).toBe(5);
    const closed = await t.as('logistics', {
      method: 'POST',
      url: '/api/inventory/receipts',
      payload: { warehouseId: w2, reference: 'RK-1', lines: [{ skuId: b, quantity: 1 }] },
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error).toMatchObject({ code: 'orders.warehouseInactive', details: { field: 'warehouseId' } });
  });

  it('OSB-4 the default warehouse serves the most specific geography of the path (most specific first, as prices rank it), else the central one', async () => {
    const huabei = await geographyIdOf(t, 'huabei');
    const region = await geographyIdOf(t, 'huabei-1');
    const territory = await geographyIdOf(t, 'huabei-1-1');
    const huadong = await geographyIdOf(t, 'huadong');
    const beijing = await countRows(t, sql`SELECT id AS n FROM warehouses WHERE code = 'BJ-01'`);
    const central = await countRows(t, sql`SELECT id AS n FROM warehouses WHERE code = 'SH-CENTRAL'`);
    // The one path builder every ranking uses: the territory, its region, its market.
    const path = await geographyPath(t.database.db, territory);
    expect(path).toEqual([territory, region, huabei]);
    expect(await geographyPath(t.database.db, null)).toEqual([]);
    expect(await defaultWarehouseFor(t.database.db, path)).toBe(beijing);
    expect(await defaultWarehouseFor(t.database.db, [huadong])).toBe(central);
    expect(await defaultWarehouseFor(t.database.db, [])).toBe(central);
    // A warehouse of the region is more specific than the market's (the older ranking took the market's).
    const regional = await newWarehouse(t, { geographyId: region });
    expect(await defaultWarehouseFor(t.database.db, path)).toBe(regional);
    expect(await defaultWarehouseFor(t.database.db, [huabei])).toBe(beijing);
    await t.as('admin', { method: 'PATCH', url: `/api/inventory/warehouses/${regional}`, payload: { active: false } });
    expect(await defaultWarehouseFor(t.database.db, path)).toBe(beijing);
  });
});
