import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { selectRows } from '../../platform/db/raw.js';
import { ledgerCheck } from './inventory.test-support.js';
import { auditActions, type OrderFixture, orderApi, orderFixture, setCreditLimit, setStock, stockOf } from './order.test-support.js';

let t: TestApp;
let f: OrderFixture;
let g: OrderFixture;
let api: ReturnType<typeof orderApi>;

beforeAll(async () => {
  t = await createTestApp();
  api = orderApi(t);
  f = await orderFixture(t.database.db);
  g = await orderFixture(t.database.db, 'rep-huadong-1', 1);
  for (const fx of [f, g]) {
    for (const sku of [...fx.skus, fx.tracked]) await setStock(t.database.db, fx.warehouseId, sku.id, 500);
    await setCreditLimit(t.database.db, fx.accountId, null);
  }
});
afterAll(() => t.close());

const sku = (i: number) => f.skus[i] as OrderFixture['skus'][number];

/** A confirmed order (submitted, passing every check, confirmed by finance). */
async function confirmedOrder(fx: OrderFixture, lines: Record<string, unknown>[]) {
  const created = await api.create('ssg', { accountId: fx.accountId, channel: 'phone', submit: true, lines });
  expect(created.json().status, created.body).toBe('awaiting_finance');
  const confirmed = await api.post('finance', `/api/orders/${created.json().id}/confirm`);
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return confirmed.json();
}

const ship = (payload: Record<string, unknown>, user = 'logistics', headers: Record<string, string> = {}) =>
  t.as(user, { method: 'POST', url: '/api/orders/shipments', payload, headers });
const track = (id: number, state: string, extra: Record<string, unknown> = {}) =>
  api.post('logistics', `/api/orders/shipments/${id}/track`, { state, ...extra });

describe('OSB-3 shipments', () => {
  it('OSB-3 partial then complete shipment: stock leaves on dispatch, the order moves to partially shipped, shipped and completed when all is signed', async () => {
    const order = await confirmedOrder(f, [
      { skuId: sku(0).id, units: 10 },
      { skuId: f.tracked.id, units: 4 },
    ]);
    const [plain, tracked] = order.lines;
    const before0 = await stockOf(t.database.db, f.warehouseId, sku(0).id);
    const first = await ship({
      warehouseId: f.warehouseId,
      kind: 'delivery',
      carrier: '德邦物流',
      vehicle: '沪A·12345',
      lines: [
        { orderLineId: plain.id, quantity: 6 },
        { orderLineId: tracked.id, quantity: 4, codes: ['PH20261101-01', ' PH20261101-01 ', 'PH20261101-02'] },
      ],
    });
    expect(first.statusCode, first.body).toBe(201);
    const s1 = first.json();
    expect(s1).toMatchObject({ state: 'prepared', accountId: f.accountId, kind: 'delivery' });
    expect(s1.number).toMatch(/^FH\d{6}-\d{6}$/);
    expect(s1.lines.find((l: { orderLineId: number }) => l.orderLineId === tracked.id).codes).toEqual(['PH20261101-01', 'PH20261101-02']);
    // Prepared is not yet shipped: the stock and the order stay as they were.
    expect(await stockOf(t.database.db, f.warehouseId, sku(0).id)).toEqual(before0);
    expect((await api.get('ssg', order.id)).json().status).toBe('confirmed');

    expect((await track(s1.id, 'picked')).json().state).toBe('picked');
    const dispatched = await track(s1.id, 'dispatched');
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    expect(await stockOf(t.database.db, f.warehouseId, sku(0).id)).toEqual({ onHand: before0.onHand - 6, reserved: before0.reserved - 6 });
    const partial = (await api.get('ssg', order.id)).json();
    expect(partial.status).toBe('partially_shipped');
    expect(partial.lines.map((l: { shippedQuantity: number }) => l.shippedQuantity)).toEqual([6, 4]);

    // Only the 4 still open may go; 5 is refused naming the line.
    const over = await ship({ warehouseId: f.warehouseId, kind: 'pickup', lines: [{ orderLineId: plain.id, quantity: 5 }] });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details.field).toBe('lines[0].quantity');
    const second = (await ship({ warehouseId: f.warehouseId, kind: 'pickup', lines: [{ orderLineId: plain.id, quantity: 4 }] })).json();
    await track(second.id, 'dispatched');
    const full = (await api.get('ssg', order.id)).json();
    expect(full.status).toBe('shipped');
    expect(await stockOf(t.database.db, f.warehouseId, sku(0).id)).toEqual({
      onHand: before0.onHand - 10,
      reserved: before0.reserved - 10,
    });

    await track(s1.id, 'delivered');
    await track(s1.id, 'signed', { signedBy: '张店长' });
    expect((await api.get('ssg', order.id)).json().status).toBe('shipped');
    const signed = (await track(second.id, 'signed')).json();
    // Skipped states are recorded as passed at the same moment.
    expect(signed.events.map((e: { state: string }) => e.state)).toEqual(['prepared', 'picked', 'dispatched', 'delivered', 'signed']);
    expect((await api.get('ssg', order.id)).json().status).toBe('completed');

    const backwards = await track(second.id, 'delivered');
    expect(backwards.statusCode).toBe(409);
    expect(backwards.json().error.code).toBe('orders.trackingBackwards');

    const [events] = await selectRows<{ n: number; complete: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE (payload->>'complete')::boolean)::int AS complete
        FROM domain_events WHERE type = 'order.shipped' AND (payload->>'orderId')::bigint = ${order.id}`,
    );
    expect(events).toEqual({ n: 2, complete: 1 });
    expect(await auditActions(t.database.db, 'shipment', s1.id)).toEqual([
      'create',
      'track.picked',
      'track.dispatched',
      'track.delivered',
      'track.signed',
    ]);
    const timeline = (await t.as('rep-huadong-1', { method: 'GET', url: `/api/orders/${order.id}/timeline` })).json();
    const codes = timeline.map((e: { kind: string; code: string }) => `${e.kind}:${e.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'reservation:reserved',
        'shipment:prepared',
        'tracking:dispatched',
        'status:partially_shipped',
        'status:shipped',
        'tracking:signed',
        'status:completed',
      ]),
    );
    expect(codes.indexOf('status:partially_shipped')).toBeLessThan(codes.indexOf('status:shipped'));
    // OSB-3 traceability: a code leads back to the account it went to.
    const [traced] = await selectRows<{ account_id: number }>(
      t.database.db,
      sql`SELECT s.account_id FROM shipment_lines l JOIN shipments s ON s.id = l.shipment_id WHERE l.codes @> ARRAY['PH20261101-02']`,
    );
    expect(Number(traced?.account_id)).toBe(f.accountId);
  });

  it('OSB-3 codes are required for SKUs that track them; nothing is stored when refused', async () => {
    const order = await confirmedOrder(f, [{ skuId: f.tracked.id, units: 2 }]);
    const before = await selectRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM shipments`);
    const missing = await ship(
      { warehouseId: f.warehouseId, kind: 'delivery', lines: [{ orderLineId: order.lines[0].id, quantity: 2, codes: ['  '] }] },
      'logistics',
      {
        'accept-language': 'en',
      },
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.field).toBe('lines[0].codes');
    expect(missing.json().error.message).toContain(f.tracked.code);
    expect(missing.json().error.message).toContain('batch or unit codes');
    expect(await selectRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM shipments`)).toEqual(before);
  });

  it('OSB-3 one shipment holds confirmed orders of one account from the order’s warehouse only', async () => {
    const mine = await confirmedOrder(f, [{ skuId: sku(1).id, units: 2 }]);
    const theirs = await confirmedOrder(g, [{ skuId: g.skus[1]?.id, units: 2 }]);
    const mixed = await ship({
      warehouseId: f.warehouseId,
      kind: 'delivery',
      lines: [
        { orderLineId: mine.lines[0].id, quantity: 1 },
        { orderLineId: theirs.lines[0].id, quantity: 1 },
      ],
    });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.code).toBe('orders.mixedAccounts');
    expect(mixed.json().error.details.field).toBe('lines[1].orderLineId');
    const [elsewhere] = await selectRows<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM warehouses WHERE id <> ${f.warehouseId} ORDER BY id LIMIT 1`,
    );
    const wrongWarehouse = await ship({
      warehouseId: Number(elsewhere?.id),
      kind: 'delivery',
      lines: [{ orderLineId: mine.lines[0].id, quantity: 1 }],
    });
    expect(wrongWarehouse.json().error.code).toBe('orders.mixedWarehouses');
    const draft = (await api.create('ssg', { accountId: f.accountId, channel: 'phone', lines: [{ skuId: sku(1).id, units: 1 }] })).json();
    const notConfirmed = await ship({
      warehouseId: f.warehouseId,
      kind: 'delivery',
      lines: [{ orderLineId: draft.lines[0].id, quantity: 1 }],
    });
    expect(notConfirmed.statusCode).toBe(409);
    expect(notConfirmed.json().error.code).toBe('orders.wrongStatus');
    expect(
      (
        await ship(
          { warehouseId: f.warehouseId, kind: 'delivery', lines: [{ orderLineId: mine.lines[0].id, quantity: 1 }] },
          'rep-huadong-1',
        )
      ).statusCode,
    ).toBe(403);
  });

  it('OSB-3 delivery note: header, address, lines as cases + loose units, totals', async () => {
    const a = sku(2);
    const order = await confirmedOrder(f, [{ skuId: a.id, cases: 2, units: 1 }]);
    const shipment = (
      await ship({
        warehouseId: f.warehouseId,
        kind: 'delivery',
        lines: [{ orderLineId: order.lines[0].id, quantity: 2 * a.unitsPerCase + 1 }],
      })
    ).json();
    const note = (await t.as('logistics', { method: 'GET', url: `/api/orders/shipments/${shipment.id}/delivery-note` })).json();
    expect(note.shipment.number).toBe(shipment.number);
    expect(note.account).toEqual({ id: f.accountId, code: f.accountCode, name: expect.any(String) });
    expect(note.orders).toEqual([{ id: order.id, number: order.number, requestedDeliveryDate: order.requestedDeliveryDate }]);
    expect(note.deliveryAddress).toEqual(order.deliveryAddress);
    expect(note.lines).toEqual([
      expect.objectContaining({
        skuCode: a.code,
        quantity: 2 * a.unitsPerCase + 1,
        cases: a.unitsPerCase === 1 ? 3 : 2,
        looseUnits: a.unitsPerCase === 1 ? 0 : 1,
      }),
    ]);
    expect(note.totals).toEqual({ quantity: 2 * a.unitsPerCase + 1, amountFen: (2 * a.unitsPerCase + 1) * order.lines[0].unitPriceFen });
  });

  it('ORG-4 shipments read as 404 outside the account’s scope', async () => {
    const order = await confirmedOrder(f, [{ skuId: sku(0).id, units: 1 }]);
    const shipment = (
      await ship({ warehouseId: f.warehouseId, kind: 'delivery', lines: [{ orderLineId: order.lines[0].id, quantity: 1 }] })
    ).json();
    expect((await t.as('rep-huadong-1', { method: 'GET', url: `/api/orders/shipments/${shipment.id}` })).statusCode).toBe(200);
    expect((await t.as('rep-huadong-2', { method: 'GET', url: `/api/orders/shipments/${shipment.id}` })).statusCode).toBe(404);
    expect((await t.as('rep-huabei-1', { method: 'GET', url: `/api/orders/shipments/${shipment.id}/delivery-note` })).statusCode).toBe(404);
    const list = (await t.as('rep-huadong-2', { method: 'GET', url: `/api/orders/shipments?orderId=${order.id}` })).json();
    expect(list).toEqual({ items: [], total: 0 });
    expect((await t.as('logistics', { method: 'GET', url: `/api/orders/shipments?orderId=${order.id}` })).json().total).toBe(1);
  });
});

describe('OSB-3 delivery runs', () => {
  it('OSB-3 several accounts’ deliveries share a truck in stop order; dispatching the run dispatches every stop; pick-ups stay off trucks', async () => {
    const first = await confirmedOrder(f, [{ skuId: sku(0).id, units: 2 }]);
    const second = await confirmedOrder(g, [{ skuId: g.skus[0]?.id, units: 2 }]);
    expect(g.warehouseId).toBe(f.warehouseId);
    const s1 = (
      await ship({ warehouseId: f.warehouseId, kind: 'delivery', lines: [{ orderLineId: first.lines[0].id, quantity: 2 }] })
    ).json();
    const s2 = (
      await ship({ warehouseId: g.warehouseId, kind: 'delivery', lines: [{ orderLineId: second.lines[0].id, quantity: 2 }] })
    ).json();
    const pickupOrder = await confirmedOrder(f, [{ skuId: sku(1).id, units: 1 }]);
    const pickup = (
      await ship({ warehouseId: f.warehouseId, kind: 'pickup', lines: [{ orderLineId: pickupOrder.lines[0].id, quantity: 1 }] })
    ).json();
    const run = {
      runDate: '2026-12-01',
      warehouseId: f.warehouseId,
      vehicle: '沪A·66666',
      driverName: '陈师傅',
      shipmentIds: [s2.id, s1.id],
    };
    const refused = await api.post('logistics', '/api/orders/delivery-runs', { ...run, shipmentIds: [s2.id, pickup.id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.field).toBe('shipmentIds[1]');
    const created = await api.post('logistics', '/api/orders/delivery-runs', run);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().shipments.map((s: { id: number; stopSeq: number }) => [s.id, s.stopSeq])).toEqual([
      [s2.id, 1],
      [s1.id, 2],
    ]);
    const twice = await api.post('logistics', '/api/orders/delivery-runs', { ...run, shipmentIds: [s1.id] });
    expect(twice.json().error.code).toBe('orders.shipmentInRun');
    const dispatched = await api.post('logistics', `/api/orders/delivery-runs/${created.json().id}/dispatch`);
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    expect(dispatched.json().status).toBe('dispatched');
    expect(dispatched.json().shipments.map((s: { state: string }) => s.state)).toEqual(['dispatched', 'dispatched']);
    expect((await api.get('ssg', first.id)).json().status).toBe('shipped');
    expect((await api.get('ssg', second.id)).json().status).toBe('shipped');
    // A rep sees the run but only their own stops.
    const seen = (await t.as('rep-huadong-2', { method: 'GET', url: `/api/orders/delivery-runs/${created.json().id}` })).json();
    expect(seen.shipments).toEqual([]);
  });
});

const cancel = (id: number, reason: string, user = 'logistics', headers: Record<string, string> = {}) =>
  api.post(user, `/api/orders/shipments/${id}/cancel`, { reason }, headers);

async function codeHolders(code: string): Promise<number> {
  const [row] = await selectRows<{ n: number }>(
    t.database.db,
    sql`SELECT count(*)::int AS n FROM shipment_lines WHERE codes @> ARRAY[${code}]::text[]`,
  );
  return Number(row?.n);
}

async function countOf(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await selectRows<{ n: number }>(t.database.db, query);
  return Number(row?.n);
}

describe('OSB-3 cancelling a shipment', () => {
  it('OSB-3 a prepared shipment is cancelled with a reason: its quantities are open again, stock and reservations stay exact, codes are freed, the timeline shows it', async () => {
    const order = await confirmedOrder(f, [
      { skuId: sku(0).id, units: 10 },
      { skuId: f.tracked.id, units: 3 },
    ]);
    const [plain, tracked] = order.lines;
    const first = (await ship({ warehouseId: f.warehouseId, kind: 'delivery', lines: [{ orderLineId: plain.id, quantity: 4 }] })).json();
    await track(first.id, 'dispatched');
    expect((await api.get('ssg', order.id)).json().status).toBe('partially_shipped');
    const before = {
      plain: await stockOf(t.database.db, f.warehouseId, sku(0).id),
      tracked: await stockOf(t.database.db, f.warehouseId, f.tracked.id),
      movements: await countOf(sql`SELECT count(*)::int AS n FROM stock_movements WHERE order_id = ${order.id}`),
    };
    const second = await ship({
      warehouseId: f.warehouseId,
      kind: 'delivery',
      lines: [
        { orderLineId: plain.id, quantity: 6 },
        { orderLineId: tracked.id, quantity: 3, codes: ['PH-CXL-01', 'PH-CXL-02'] },
      ],
    });
    expect(second.statusCode, second.body).toBe(201);
    const s2 = second.json();
    expect(await codeHolders('PH-CXL-01')).toBe(1);
    // While prepared, the shipment holds what is left of the order: nothing more may be promised.
    const full = await ship({ warehouseId: f.warehouseId, kind: 'pickup', lines: [{ orderLineId: plain.id, quantity: 1 }] });
    expect(full.json().error).toMatchObject({ code: 'orders.overShip', details: { field: 'lines[0].quantity' } });

    const blank = await cancel(s2.id, '   ');
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error).toMatchObject({ code: 'orders.reasonRequired', details: { field: 'reason' } });
    expect(blank.json().error.message).toContain('reason');
    expect((await t.as('logistics', { method: 'GET', url: `/api/orders/shipments/${s2.id}` })).json().state).toBe('prepared');

    const cancelled = await cancel(s2.id, ' 客户改期到下周 ');
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const body = cancelled.json();
    expect(body.state).toBe('cancelled');
    expect(body.lines.map((l: { codes: string[] }) => l.codes)).toEqual([[], []]);
    expect(body.events.at(-1)).toMatchObject({ state: 'cancelled', note: '客户改期到下周' });

    // Nothing had left stock or counted as shipped, so nothing is reversed: the order, its reservation and the ledger stand.
    const after = (await api.get('ssg', order.id)).json();
    expect(after.status).toBe('partially_shipped');
    expect(after.lines.map((l: { shippedQuantity: number }) => l.shippedQuantity)).toEqual([4, 0]);
    expect(await stockOf(t.database.db, f.warehouseId, sku(0).id)).toEqual(before.plain);
    expect(await stockOf(t.database.db, f.warehouseId, f.tracked.id)).toEqual(before.tracked);
    expect(await countOf(sql`SELECT count(*)::int AS n FROM stock_movements WHERE order_id = ${order.id}`)).toBe(before.movements);
    expect(await countOf(sql`SELECT count(*)::int AS n FROM stock_movements WHERE shipment_id = ${s2.id}`)).toBe(0);
    const check = await ledgerCheck(t);
    expect(check.ok, JSON.stringify(check)).toBe(true);
    expect(await codeHolders('PH-CXL-01')).toBe(0);
    expect(await auditActions(t.database.db, 'shipment', s2.id)).toEqual(['create', 'cancel']);
    const timeline = (await t.as('rep-huadong-1', { method: 'GET', url: `/api/orders/${order.id}/timeline` })).json();
    expect(timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'shipment',
          code: 'cancelled',
          data: expect.objectContaining({ number: s2.number, reason: '客户改期到下周' }),
        }),
      ]),
    );

    // A cancelled shipment moves no more; its quantities and codes ship on a new one, and it does not hold up completion.
    const moved = await track(s2.id, 'picked');
    expect(moved.statusCode).toBe(409);
    expect(moved.json().error.code).toBe('orders.shipmentCancelled');
    const again = await ship({
      warehouseId: f.warehouseId,
      kind: 'delivery',
      lines: [
        { orderLineId: plain.id, quantity: 6 },
        { orderLineId: tracked.id, quantity: 3, codes: ['PH-CXL-01', 'PH-CXL-02'] },
      ],
    });
    expect(again.statusCode, again.body).toBe(201);
    await track(again.json().id, 'dispatched');
    expect((await api.get('ssg', order.id)).json().status).toBe('shipped');
    await track(first.id, 'signed', { signedBy: '王店长' });
    await track(again.json().id, 'signed', { signedBy: '王店长' });
    expect((await api.get('ssg', order.id)).json().status).toBe('completed');
    expect((await ledgerCheck(t)).ok).toBe(true);
  });

  it('OSB-3 only a prepared shipment can be cancelled: a later state answers 409 naming it, in zh-CN and en; reps may not cancel', async () => {
    const order = await confirmedOrder(f, [{ skuId: sku(1).id, units: 3 }]);
    const s = (
      await ship({ warehouseId: f.warehouseId, kind: 'delivery', lines: [{ orderLineId: order.lines[0].id, quantity: 3 }] })
    ).json();
    expect((await cancel(s.id, '客户取消', 'rep-huadong-1')).statusCode).toBe(403);
    await track(s.id, 'picked');
    const zh = await cancel(s.id, '客户取消');
    expect(zh.statusCode).toBe(409);
    expect(zh.json().error).toMatchObject({ code: 'orders.shipmentNotCancellable', details: { field: 'state', state: 'picked' } });
    expect(zh.json().error.message).toContain(`${s.number} 已是「已拣货」`);
    await track(s.id, 'dispatched');
    const en = await cancel(s.id, 'customer cancelled', 'logistics', { 'accept-language': 'en' });
    expect(en.statusCode).toBe(409);
    expect(en.json().error.message).toContain(`Shipment ${s.number} is already dispatched`);
    expect((await t.as('logistics', { method: 'GET', url: `/api/orders/shipments/${s.id}` })).json().state).toBe('dispatched');
    expect(await auditActions(t.database.db, 'shipment', s.id)).toEqual(['create', 'track.picked', 'track.dispatched']);
    expect((await api.get('ssg', order.id)).json().status).toBe('shipped');
  });

  it('OSB-3 two cancels of one shipment at once cancel it once; the other is told it is already cancelled', async () => {
    const order = await confirmedOrder(f, [{ skuId: sku(2).id, units: 2 }]);
    const s = (
      await ship({ warehouseId: f.warehouseId, kind: 'delivery', lines: [{ orderLineId: order.lines[0].id, quantity: 2 }] })
    ).json();
    const answers = await Promise.all([cancel(s.id, '重复单 A'), cancel(s.id, '重复单 B')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.statusCode === 409);
    expect(refused?.json().error).toMatchObject({ code: 'orders.shipmentNotCancellable', details: { state: 'cancelled' } });
    expect(await auditActions(t.database.db, 'shipment', s.id)).toEqual(['create', 'cancel']);
    expect(await countOf(sql`SELECT count(*)::int AS n FROM shipment_events WHERE shipment_id = ${s.id} AND state = 'cancelled'`)).toBe(1);
    expect(
      await countOf(
        sql`SELECT count(*)::int AS n FROM order_events WHERE order_id = ${order.id} AND kind = 'shipment' AND code = 'cancelled'`,
      ),
    ).toBe(1);
  });

  it('OSB-3 a cancelled stop stays on its delivery run’s record but does not leave with the truck', async () => {
    const kept = await confirmedOrder(f, [{ skuId: sku(0).id, units: 1 }]);
    const dropped = await confirmedOrder(f, [{ skuId: sku(1).id, units: 1 }]);
    const s1 = (
      await ship({ warehouseId: f.warehouseId, kind: 'delivery', lines: [{ orderLineId: kept.lines[0].id, quantity: 1 }] })
    ).json();
    const s2 = (
      await ship({ warehouseId: f.warehouseId, kind: 'delivery', lines: [{ orderLineId: dropped.lines[0].id, quantity: 1 }] })
    ).json();
    const run = (
      await api.post('logistics', '/api/orders/delivery-runs', {
        runDate: '2026-12-02',
        warehouseId: f.warehouseId,
        vehicle: '沪A·77777',
        shipmentIds: [s1.id, s2.id],
      })
    ).json();
    expect((await cancel(s2.id, '客户拒收前取消')).statusCode).toBe(200);
    const dispatched = await api.post('logistics', `/api/orders/delivery-runs/${run.id}/dispatch`);
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    expect(dispatched.json().shipments.map((s: { id: number; state: string }) => [s.id, s.state])).toEqual([
      [s1.id, 'dispatched'],
      [s2.id, 'cancelled'],
    ]);
    expect((await api.get('ssg', kept.id)).json().status).toBe('shipped');
    expect((await api.get('ssg', dropped.id)).json().status).toBe('confirmed');
  });
});
