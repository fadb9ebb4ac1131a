import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { selectRows } from '../../platform/db/raw.js';
import { dispatchPendingEvents } from '../../platform/events/index.js';
import { reserveStock } from './inventory.service.js';
import { countRows, ledgerCheck, level, newWarehouse, receive, skuIds, userIdOf } from './inventory.test-support.js';
import { recordStocktakeOutcome } from './stocktake.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (user: string, url: string, payload?: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.as(user, { method: 'POST', url, payload, headers });
const counts = (user: string, id: number, entries: { skuId: number; counted: number }[], headers: Record<string, string> = {}) =>
  t.as(user, { method: 'PUT', url: `/api/inventory/stocktakes/${id}/counts`, payload: { counts: entries }, headers });
const sheet = async (id: number) => (await t.as('logistics', { method: 'GET', url: `/api/inventory/stocktakes/${id}` })).json();

/** A warehouse holding 10 of a and 20 of b, with its count sheet open. */
async function openSheet() {
  const warehouseId = await newWarehouse(t);
  const [a, b] = (await skuIds(t, 2)) as [number, number];
  await receive(t, warehouseId, [
    { skuId: a, quantity: 10 },
    { skuId: b, quantity: 20 },
  ]);
  const opened = await post('logistics', '/api/inventory/stocktakes', { warehouseId, note: '季度盘点' });
  if (opened.statusCode !== 201) throw new Error(`open: ${opened.statusCode} ${opened.body}`);
  return { warehouseId, a, b, id: opened.json().id as number };
}

async function pendingApprovers(approvalId: number): Promise<string[]> {
  const rows = await selectRows<{ username: string }>(
    t.database.db,
    sql`SELECT u.username FROM approval_tasks k JOIN users u ON u.id = k.approver_id
      WHERE k.approval_id = ${approvalId} AND k.status = 'pending' ORDER BY u.username`,
  );
  return rows.map((r) => r.username);
}

const adjustments = (id: number) => countRows(t, sql`SELECT count(*) AS n FROM stock_movements WHERE stocktake_id = ${id}`);

describe('OSB-4 stocktaking (盘库)', () => {
  it('OSB-4 a sheet snapshots the books at open; one open sheet per warehouse', async () => {
    const { warehouseId, a, b, id } = await openSheet();
    const opened = await sheet(id);
    expect(opened).toMatchObject({ status: 'counting', lineCount: 2, countedCount: 0, note: '季度盘点' });
    expect(opened.lines.map((l: { skuId: number; expected: number; counted: null }) => [l.skuId, l.expected, l.counted]).sort()).toEqual(
      [
        [a, 10, null],
        [b, 20, null],
      ].sort(),
    );
    const second = await post('logistics', '/api/inventory/stocktakes', { warehouseId });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'orders.stocktakeOpen', details: { field: 'warehouseId' } });
    expect((await post('rep-huadong-1', '/api/inventory/stocktakes', { warehouseId })).statusCode).toBe(403);
  });

  it('OSB-4 counts are entered in bulk; SKUs off the sheet and incomplete sheets are refused', async () => {
    const { a, b, id } = await openSheet();
    const off = await counts('logistics', id, [
      { skuId: a, counted: 9 },
      { skuId: 987_654, counted: 1 },
    ]);
    expect(off.json().error).toMatchObject({ code: 'orders.skuNotOnSheet', details: { field: 'counts[1].skuId' } });
    const english = await counts('logistics', id, [{ skuId: 987_654, counted: 1 }], { 'accept-language': 'en' });
    expect(english.json().error.message).toBe('counts[0].skuId: the SKU is not on this count sheet');
    expect((await counts('logistics', id, [{ skuId: a, counted: -1 }])).statusCode).toBe(400);
    expect((await sheet(id)).countedCount).toBe(0);

    expect((await counts('logistics', id, [{ skuId: a, counted: 9 }])).statusCode).toBe(200);
    const incomplete = await post('logistics', `/api/inventory/stocktakes/${id}/submit`);
    expect(incomplete.json().error).toMatchObject({ code: 'orders.stocktakeIncomplete', details: { missing: 1 } });
    const done = await counts('logistics', id, [{ skuId: b, counted: 23 }]);
    expect(done.json()).toMatchObject({ countedCount: 2, varianceCount: 2, varianceTotal: 2 });
  });

  it('OSB-4 variances post as adjustments only after approval, exactly once', async () => {
    const { warehouseId, a, b, id } = await openSheet();
    await counts('logistics', id, [
      { skuId: a, counted: 8 },
      { skuId: b, counted: 23 },
    ]);
    const submitted = await post('logistics', `/api/inventory/stocktakes/${id}/submit`);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', approvalId: expect.any(Number) });
    const approvalId = submitted.json().approvalId as number;
    expect(await pendingApprovers(approvalId)).toEqual(['gm']);
    expect((await counts('logistics', id, [{ skuId: a, counted: 10 }])).json().error.code).toBe('orders.stocktakeNotCountable');

    // Goods keep moving while the sheet waits: the approved variance applies on top.
    await receive(t, warehouseId, [{ skuId: a, quantity: 5 }]);
    await dispatchPendingEvents(t.database.db);
    expect(await adjustments(id)).toBe(0);
    expect(await level(t, warehouseId, a)).toEqual({ onHand: 15, reserved: 0 });

    expect((await post('gm', `/api/approvals/${approvalId}/approve`, {})).statusCode).toBe(200);
    await dispatchPendingEvents(t.database.db);
    await dispatchPendingEvents(t.database.db);
    const posted = await sheet(id);
    expect(posted).toMatchObject({ status: 'posted', postedAt: expect.any(String) });
    expect(await level(t, warehouseId, a)).toEqual({ onHand: 13, reserved: 0 });
    expect(await level(t, warehouseId, b)).toEqual({ onHand: 23, reserved: 0 });
    expect(await adjustments(id)).toBe(2);

    // The same decision delivered again changes nothing.
    const gm = await userIdOf(t, 'gm');
    await t.database.db.transaction((tx) =>
      recordStocktakeOutcome(tx, { approvalId, subjectId: String(id), outcome: 'approved', decidedBy: gm }),
    );
    expect(await adjustments(id)).toBe(2);
    expect(await level(t, warehouseId, a)).toEqual({ onHand: 13, reserved: 0 });
    expect(await ledgerCheck(t)).toEqual({ ok: true, mismatches: [], overdrawnOrders: [] });
    // A new sheet may be opened once the last one is posted.
    expect((await post('logistics', '/api/inventory/stocktakes', { warehouseId })).statusCode).toBe(201);
  });

  it('OSB-4 a rejected sheet posts nothing; a returned one is recounted and resubmitted', async () => {
    const first = await openSheet();
    await counts('logistics', first.id, [
      { skuId: first.a, counted: 1 },
      { skuId: first.b, counted: 20 },
    ]);
    const approvalId = (await post('logistics', `/api/inventory/stocktakes/${first.id}/submit`)).json().approvalId;
    await post('gm', `/api/approvals/${approvalId}/reject`, { reason: '差异过大，重新盘点' });
    await dispatchPendingEvents(t.database.db);
    expect((await sheet(first.id)).status).toBe('rejected');
    expect(await adjustments(first.id)).toBe(0);
    expect(await level(t, first.warehouseId, first.a)).toEqual({ onHand: 10, reserved: 0 });

    const second = await openSheet();
    await counts('logistics', second.id, [
      { skuId: second.a, counted: 1 },
      { skuId: second.b, counted: 20 },
    ]);
    const secondApproval = (await post('logistics', `/api/inventory/stocktakes/${second.id}/submit`)).json().approvalId;
    await post('gm', `/api/approvals/${secondApproval}/return`, { reason: '请复盘 A' });
    await dispatchPendingEvents(t.database.db);
    expect((await sheet(second.id)).status).toBe('returned');
    await counts('logistics', second.id, [{ skuId: second.a, counted: 9 }]);
    const again = await post('logistics', `/api/inventory/stocktakes/${second.id}/submit`);
    expect(again.json()).toMatchObject({ status: 'submitted', approvalId: secondApproval });
    await post('gm', `/api/approvals/${secondApproval}/approve`, {});
    await dispatchPendingEvents(t.database.db);
    expect((await sheet(second.id)).status).toBe('posted');
    expect(await level(t, second.warehouseId, second.a)).toEqual({ onHand: 9, reserved: 0 });
  });

  it('OSB-4 an approved count never takes stock below what orders hold reserved', async () => {
    const { warehouseId, a, b, id } = await openSheet();
    const logistics = await userIdOf(t, 'logistics');
    await t.database.db.transaction((tx) =>
      reserveStock(tx, { orderId: 700_001, warehouseId, lines: [{ skuId: a, quantity: 6 }], userId: logistics }),
    );
    await counts('logistics', id, [
      { skuId: a, counted: 2 },
      { skuId: b, counted: 20 },
    ]);
    const approvalId = (await post('logistics', `/api/inventory/stocktakes/${id}/submit`)).json().approvalId;
    await post('gm', `/api/approvals/${approvalId}/approve`, {});
    await dispatchPendingEvents(t.database.db);
    expect(await level(t, warehouseId, a)).toEqual({ onHand: 6, reserved: 6 });
    const line = (await sheet(id)).lines.find((l: { skuId: number }) => l.skuId === a);
    expect(line).toMatchObject({ expected: 10, counted: 2, variance: -8, postedDelta: -4 });
    expect((await ledgerCheck(t)).ok).toBe(true);
  });

  it('OSB-4 an open sheet may be cancelled; a posted one may not', async () => {
    const { id } = await openSheet();
    const cancelled = await post('logistics', `/api/inventory/stocktakes/${id}/cancel`);
    expect(cancelled.json().status).toBe('cancelled');
    const again = await post('logistics', `/api/inventory/stocktakes/${id}/cancel`);
    expect(again.json().error.code).toBe('orders.stocktakeNotCancellable');
    const list = (await t.as('logistics', { method: 'GET', url: '/api/inventory/stocktakes?status=cancelled' })).json();
    expect(list.items.map((s: { id: number }) => s.id)).toContain(id);
  });
});
