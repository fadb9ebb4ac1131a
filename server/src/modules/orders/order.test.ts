import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { selectRows } from '../../platform/db/raw.js';
import { dispatchPendingEvents } from '../../platform/events/index.js';
import { discountBasisPoints, orderTotals, toBaseQuantity } from './order.rules.js';
import {
  auditActions,
  type OrderFixture,
  orderApi,
  orderFixture,
  pendingApprovers,
  setCreditLimit,
  setStock,
  stockOf,
} from './order.test-support.js';

let t: TestApp;
let f: OrderFixture;
let api: ReturnType<typeof orderApi>;

beforeAll(async () => {
  t = await createTestApp();
  api = orderApi(t);
  f = await orderFixture(t.database.db);
});
afterAll(() => t.close());

beforeEach(async () => {
  for (const sku of [...f.skus, f.tracked]) await setStock(t.database.db, f.warehouseId, sku.id, 1000);
  await setCreditLimit(t.database.db, f.accountId, null);
});

const sku = (i: number) => f.skus[i] as OrderFixture['skus'][number];

async function create(user: string, lines: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  const response = await api.create(user, { accountId: f.accountId, channel: 'phone', lines, ...extra });
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`);
  return response.json();
}

const submitted = (user: string, lines: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
  create(user, lines, { submit: true, ...extra });

async function orderCount(): Promise<number> {
  const [row] = await selectRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM orders`);
  return Number(row?.n);
}

async function openReceivables(accountId: number): Promise<number> {
  const [row] = await selectRows<{ n: string }>(
    t.database.db,
    sql`SELECT coalesce(sum(total_fen), 0)::text AS n FROM orders WHERE account_id = ${accountId} AND paid_at IS NULL
      AND status IN ('confirmed', 'partially_shipped', 'shipped', 'completed')`,
  );
  return Number(row?.n);
}

async function approve(user: string, approvalId: number, action: 'approve' | 'reject' = 'approve') {
  const response = await api.post(user, `/api/approvals/${approvalId}/${action}`, action === 'reject' ? { reason: '价格过低' } : {});
  expect(response.statusCode, response.body).toBe(200);
  await dispatchPendingEvents(t.database.db);
}

describe('order rules', () => {
  it('OSB-1 quantities are base units: cases × units per case + loose units', () => {
    expect(toBaseQuantity({ cases: 3, units: 5 }, 12)).toBe(41);
    expect(toBaseQuantity({ units: 7 }, 12)).toBe(7);
  });
  it('PRD-2 discount in basis points is rounded up, surcharges count as none', () => {
    expect(discountBasisPoints(10_000, 9_500)).toBe(500);
    expect(discountBasisPoints(10_000, 9_499)).toBe(501);
    expect(discountBasisPoints(3, 2)).toBe(3334);
    expect(discountBasisPoints(10_000, 10_500)).toBe(0);
  });
  it('OSB-1 totals are exact integers in fen', () => {
    expect(orderTotals([{ quantity: 3, listPriceFen: 1999, unitPriceFen: 1899 }])).toEqual({
      listTotalFen: 5997,
      totalFen: 5697,
      discountTotalFen: 300,
    });
  });
});

describe('OSB-1 order entry', () => {
  it('OSB-1 a draft gets a number, resolved prices, base quantities, the default address, an audit row and a timeline entry', async () => {
    const a = sku(0);
    const order = await create('rep-huadong-1', [{ skuId: a.id, cases: 2, units: 3 }]);
    expect(order.number).toMatch(/^SO\d{6}-\d{6}$/);
    expect(order.status).toBe('draft');
    expect(order.warehouseId).toBe(f.warehouseId);
    const [line] = order.lines;
    expect(line.quantity).toBe(2 * a.unitsPerCase + 3);
    expect(line.listPriceFen).toBe(a.listPriceFen);
    expect(line.unitPriceFen).toBe(a.listPriceFen);
    expect(line.floorPriceFen).toBe(a.floorPriceFen);
    expect(line.discountBp).toBe(0);
    expect(order.totalFen).toBe(line.quantity * a.listPriceFen);
    expect(await auditActions(t.database.db, 'order', order.id)).toEqual(['create']);
    const timeline = (await t.as('rep-huadong-1', { method: 'GET', url: `/api/orders/${order.id}/timeline` })).json();
    expect(timeline.map((e: { code: string }) => e.code)).toEqual(['draft']);
  });

  it('OSB-1 bad lines are refused naming the field, in zh-CN by default and in English on request; nothing is stored', async () => {
    const before = await orderCount();
    const unknown = await api.create('rep-huadong-1', {
      accountId: f.accountId,
      channel: 'phone',
      lines: [
        { skuId: sku(0).id, units: 1 },
        { skuId: 999_999, units: 1 },
      ],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.field).toBe('lines[1].skuId');
    expect(unknown.json().error.message).toContain('lines[1].skuId');
    expect(unknown.json().error.message).toContain('不存在');
    const zero = await api.create(
      'rep-huadong-1',
      { accountId: f.accountId, channel: 'phone', lines: [{ skuId: sku(0).id, cases: 0 }] },
      { 'accept-language': 'en' },
    );
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.message).toContain('lines[0]');
    expect(zero.json().error.message).toContain('quantity must be above 0');
    const empty = await api.create('rep-huadong-1', { accountId: f.accountId, channel: 'phone', lines: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('lines');
    const twice = await api.create('rep-huadong-1', {
      accountId: f.accountId,
      channel: 'phone',
      lines: [
        { skuId: sku(0).id, units: 1 },
        { skuId: sku(0).id, units: 2 },
      ],
    });
    expect(twice.json().error.details.field).toBe('lines[1].skuId');
    const channel = await api.create('rep-huadong-1', { accountId: f.accountId, channel: 'fax', lines: [{ skuId: sku(0).id, units: 1 }] });
    expect(channel.statusCode).toBe(400);
    expect(channel.json().error.message).toContain('channel');
    expect(await orderCount()).toBe(before);
  });

  it('ORG-4 an account outside the rep’s scope cannot be ordered for (named as the field), and its orders read as 404', async () => {
    const order = await create('rep-huadong-1', [{ skuId: sku(0).id, units: 1 }]);
    const other = await api.create('rep-huabei-1', { accountId: f.accountId, channel: 'field', lines: [{ skuId: sku(0).id, units: 1 }] });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details.field).toBe('accountId');
    expect((await api.get('rep-huabei-1', order.id)).statusCode).toBe(404);
    expect((await api.get('rep-huadong-2', order.id)).statusCode).toBe(404);
    expect((await api.post('rep-huadong-2', `/api/orders/${order.id}/cancel`, { reason: 'x' })).statusCode).toBe(404);
    expect((await api.get('am-huadong-1', order.id)).statusCode).toBe(200);
    expect((await api.get('mm-huadong', order.id)).statusCode).toBe(200);
    expect((await api.get('ssg', order.id)).statusCode).toBe(200);
    expect((await api.get('mm-huabei', order.id)).statusCode).toBe(404);
  });

  it('ORG-4 the list shows only orders in scope, filters in SQL and pages by cursor without gaps or repeats', async () => {
    for (let i = 0; i < 3; i += 1) await create('rep-huadong-1', [{ skuId: sku(1).id, units: 1 + i }]);
    const mine = (await t.as('rep-huadong-1', { method: 'GET', url: `/api/orders?accountId=${f.accountId}&limit=200` })).json();
    expect(mine.items.length).toBeGreaterThanOrEqual(3);
    const outsider = (await t.as('rep-huabei-1', { method: 'GET', url: `/api/orders?accountId=${f.accountId}` })).json();
    expect(outsider.items).toEqual([]);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/orders?accountId=${f.accountId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.as('am-huadong-1', { method: 'GET', url })).json();
      seen.push(...page.items.map((o: { id: number }) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(mine.items.map((o: { id: number }) => o.id));
    expect(new Set(seen).size).toBe(seen.length);
    const drafts = (await t.as('ssg', { method: 'GET', url: `/api/orders?status=draft&accountId=${f.accountId}&limit=200` })).json();
    expect(drafts.items.every((o: { status: string }) => o.status === 'draft')).toBe(true);
    const bad = await t.as('ssg', { method: 'GET', url: '/api/orders?cursor=nonsense' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.field).toBe('cursor');
  });

  it('ORG-3 logistics may not enter orders; finance may not ship', async () => {
    expect(
      (await api.create('logistics', { accountId: f.accountId, channel: 'phone', lines: [{ skuId: sku(0).id, units: 1 }] })).statusCode,
    ).toBe(403);
    expect((await t.as('rep-huadong-1', { method: 'POST', url: '/api/orders/1/confirm' })).statusCode).toBe(403);
  });
});

describe('OSB-1 idempotency', () => {
  it('OSB-1 the same Idempotency-Key twice answers the first order and makes no second', async () => {
    const payload = { accountId: f.accountId, channel: 'phone', lines: [{ skuId: sku(0).id, units: 2 }] };
    const before = await orderCount();
    const first = await api.create('ssg', payload, { 'idempotency-key': 'retry-1' });
    const second = await api.create('ssg', payload, { 'idempotency-key': 'retry-1' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json().id).toBe(first.json().id);
    expect(await orderCount()).toBe(before + 1);
    // The key belongs to its user: another person's same key is another order.
    const other = await api.create('rep-huadong-1', payload, { 'idempotency-key': 'retry-1' });
    expect(other.statusCode).toBe(201);
    expect(other.json().id).not.toBe(first.json().id);
  });

  it('OSB-1 a retry answers the first order even when its input would now be refused; a new key gets the refusal', async () => {
    const payload = { accountId: f.accountId, channel: 'phone', lines: [{ skuId: sku(0).id, units: 1 }] };
    const first = await api.create('ssg', payload, { 'idempotency-key': 'retry-after-change' });
    expect(first.statusCode).toBe(201);
    const before = await orderCount();
    // Stands for whatever changed since the first attempt: the line no longer prices.
    const changed = { ...payload, lines: [{ skuId: 987654321, units: 1 }] };
    const retry = await api.create('ssg', changed, { 'idempotency-key': 'retry-after-change' });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(first.json().id);
    const fresh = await api.create('ssg', changed, { 'idempotency-key': 'retry-after-change-2' });
    expect(fresh.statusCode).toBe(400);
    expect(fresh.json().error.details.field).toBe('lines[0].skuId');
    expect(await orderCount()).toBe(before);
  });

  it('OSB-1 concurrent requests with one key make exactly one order with its lines', async () => {
    const payload = {
      accountId: f.accountId,
      channel: 'phone',
      submit: true,
      lines: [
        { skuId: sku(1).id, units: 3 },
        { skuId: sku(2).id, units: 1 },
      ],
    };
    const before = await orderCount();
    const answers = await Promise.all(Array.from({ length: 8 }, () => api.create('ssg', payload, { 'idempotency-key': 'burst-7' })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(await orderCount()).toBe(before + 1);
    const [lines] = await selectRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM order_lines WHERE order_id = ${answers[0]?.json().id}`,
    );
    expect(lines?.n).toBe(2);
  });

  it('OSB-1 a malformed key is refused', async () => {
    const response = await api.create(
      'ssg',
      { accountId: f.accountId, channel: 'phone', lines: [{ skuId: sku(0).id, units: 1 }] },
      { 'idempotency-key': 'has space' },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.field).toBe('Idempotency-Key');
  });
});

describe('OSB-2 checks on submit', () => {
  it('OSB-2 an order passing every check goes straight to finance with no approval', async () => {
    const order = await submitted('rep-huadong-1', [{ skuId: sku(0).id, cases: 1 }]);
    expect(order.status).toBe('awaiting_finance');
    expect(order.checks).toEqual([]);
    expect(await auditActions(t.database.db, 'order', order.id)).toEqual(['create', 'submit']);
    const [event] = await selectRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM domain_events WHERE type = 'order.submitted' AND (payload->>'orderId')::bigint = ${order.id}`,
    );
    expect(event?.n).toBe(1);
  });

  it('ORG-5 a discount within the rep’s authority (≤ 5 %) needs no approval; 6 % opens one price approval', async () => {
    const a = sku(0);
    const within = await submitted('rep-huadong-1', [
      { skuId: a.id, units: 10, unitPriceFen: a.listPriceFen - Math.floor(a.listPriceFen * 0.03) },
    ]);
    expect(within.status).toBe('awaiting_finance');
    const beyond = await submitted('rep-huadong-1', [{ skuId: a.id, units: 10, unitPriceFen: Math.ceil(a.listPriceFen * 0.94) }]);
    expect(beyond.status).toBe('awaiting_approval');
    expect(beyond.checks.map((c: { kind: string }) => c.kind)).toEqual(['price']);
    expect(beyond.checks[0].facts.authority.decision).toBe('needs-approval');
    expect(beyond.checks[0].facts.lines[0].belowFloor).toBe(false);
  });

  it('PRD-2 a price below the floor opens exactly one price approval with the facts; approval moves the order to finance', async () => {
    const a = sku(0);
    const order = await submitted('rep-huadong-1', [
      { skuId: a.id, units: 6, unitPriceFen: a.floorPriceFen - 1 },
      { skuId: sku(1).id, units: 1 },
    ]);
    expect(order.status).toBe('awaiting_approval');
    expect(order.checks).toHaveLength(1);
    const [check] = order.checks;
    expect(check.kind).toBe('price');
    expect(check.facts.lines).toEqual([
      expect.objectContaining({
        lineNo: 1,
        skuId: a.id,
        unitPriceFen: a.floorPriceFen - 1,
        floorPriceFen: a.floorPriceFen,
        belowFloor: true,
      }),
    ]);
    const [approval] = await selectRows<{ type: string; payload: { orderId: number; check: string } }>(
      t.database.db,
      sql`SELECT type, payload FROM approvals WHERE id = ${check.approvalId}`,
    );
    expect(approval?.type).toBe('order.price');
    expect(approval?.payload.orderId).toBe(order.id);
    expect(await pendingApprovers(t.database.db, check.approvalId)).toEqual(['am-huadong-1']);
    await approve('am-huadong-1', check.approvalId);
    await dispatchPendingEvents(t.database.db);
    const after = (await api.get('rep-huadong-1', order.id)).json();
    expect(after.status).toBe('awaiting_finance');
    expect(after.checks[0].status).toBe('approved');
    const timeline = (await t.as('ssg', { method: 'GET', url: `/api/orders/${order.id}/timeline` })).json();
    expect(timeline.map((e: { kind: string; code: string }) => `${e.kind}:${e.code}`)).toEqual([
      'created:draft',
      'status:submitted',
      'check:price',
      'status:awaiting_approval',
      'approval_action:requested',
      'approval_action:approved',
      'approval:approved',
      'status:awaiting_finance',
    ]);
  });

  it('CUS-8 credit: limit − open receivables below the total opens one credit approval; a rejection sends the order back to draft', async () => {
    const open = await openReceivables(f.accountId);
    const lines = [{ skuId: sku(1).id, cases: 1 }];
    const probe = await create('rep-huadong-1', lines);
    await setCreditLimit(t.database.db, f.accountId, open + probe.totalFen - 1);
    const order = await submitted('rep-huadong-1', lines);
    expect(order.checks.map((c: { kind: string }) => c.kind)).toEqual(['credit']);
    expect(order.checks[0].facts).toMatchObject({
      limitFen: open + probe.totalFen - 1,
      openReceivablesFen: open,
      availableFen: probe.totalFen - 1,
      orderTotalFen: probe.totalFen,
      shortFen: 1,
    });
    await approve('am-huadong-1', order.checks[0].approvalId, 'reject');
    const after = (await api.get('rep-huadong-1', order.id)).json();
    expect(after.status).toBe('draft');
    expect(after.checks[0].status).toBe('rejected');
    // Exactly enough credit passes.
    await setCreditLimit(t.database.db, f.accountId, open + probe.totalFen);
    const resubmitted = (await api.post('rep-huadong-1', `/api/orders/${order.id}/submit`)).json();
    expect(resubmitted.status).toBe('awaiting_finance');
    expect(resubmitted.round).toBe(2);
  });

  it('OSB-2 finance marking orders paid frees credit for the next order', async () => {
    await setCreditLimit(t.database.db, f.accountId, 0);
    const first = await submitted('rep-huadong-1', [{ skuId: sku(2).id, units: 1 }]);
    expect(first.checks.map((c: { kind: string }) => c.kind)).toEqual(['credit']);
    // Pay every open order of the account, then a credit line the size of one order suffices.
    const openOrders = await selectRows<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM orders WHERE account_id = ${f.accountId} AND paid_at IS NULL AND status IN ('confirmed','partially_shipped','shipped','completed')`,
    );
    for (const row of openOrders) expect((await api.post('finance', `/api/orders/${row.id}/mark-paid`)).statusCode).toBe(200);
    expect(await openReceivables(f.accountId)).toBe(0);
    await setCreditLimit(t.database.db, f.accountId, first.totalFen);
    const second = await submitted('rep-huadong-1', [{ skuId: sku(2).id, units: 1 }]);
    expect(second.status).toBe('awaiting_finance');
    const again = await api.post('finance', `/api/orders/${openOrders[0]?.id ?? 0}/mark-paid`);
    if (openOrders.length > 0) expect(again.json().error.code).toBe('orders.alreadyPaid');
    const draft = await create('rep-huadong-1', [{ skuId: sku(2).id, units: 1 }]);
    expect((await api.post('finance', `/api/orders/${draft.id}/mark-paid`)).statusCode).toBe(409);
  });

  it('OSB-4 stock short at the order’s warehouse opens one stock approval naming the line', async () => {
    await setStock(t.database.db, f.warehouseId, sku(2).id, 4);
    const order = await submitted('rep-huadong-1', [
      { skuId: sku(1).id, units: 1 },
      { skuId: sku(2).id, units: 5 },
    ]);
    expect(order.checks.map((c: { kind: string }) => c.kind)).toEqual(['stock']);
    expect(order.checks[0].facts).toEqual({
      warehouseId: f.warehouseId,
      lines: [{ lineNo: 2, skuId: sku(2).id, requested: 5, available: 4 }],
    });
  });

  it('OSB-2 three failing checks open three approvals; all must pass before finance; one rejection stops the others deciding', async () => {
    await setCreditLimit(t.database.db, f.accountId, 0);
    await setStock(t.database.db, f.warehouseId, sku(0).id, 0);
    const order = await submitted('rep-huadong-1', [{ skuId: sku(0).id, units: 2, unitPriceFen: sku(0).floorPriceFen - 1 }]);
    expect(order.checks.map((c: { kind: string }) => c.kind)).toEqual(['price', 'credit', 'stock']);
    const [price, credit, stock] = order.checks;
    await approve('am-huadong-1', price.approvalId);
    await approve('am-huadong-1', credit.approvalId);
    expect((await api.get('rep-huadong-1', order.id)).json().status).toBe('awaiting_approval');
    await approve('am-huadong-1', stock.approvalId);
    expect((await api.get('rep-huadong-1', order.id)).json().status).toBe('awaiting_finance');

    const second = await submitted('rep-huadong-1', [{ skuId: sku(0).id, units: 2, unitPriceFen: sku(0).floorPriceFen - 1 }]);
    const [p2, c2] = second.checks;
    await approve('am-huadong-1', p2.approvalId, 'reject');
    await approve('am-huadong-1', c2.approvalId);
    const after = (await api.get('rep-huadong-1', second.id)).json();
    expect(after.status).toBe('draft');
    expect(after.checks.map((c: { status: string }) => c.status)).toEqual(['rejected', 'superseded', 'superseded']);
  });
});

describe('OSB-2 finance confirmation and cancel', () => {
  it('OSB-2 finance confirms: stock is reserved now and the order is confirmed; without stock it stays awaiting finance', async () => {
    const a = sku(1);
    await setStock(t.database.db, f.warehouseId, a.id, 10);
    const order = await submitted('rep-huadong-1', [{ skuId: a.id, units: 6 }]);
    expect(order.status).toBe('awaiting_finance');
    expect((await api.post('rep-huadong-1', `/api/orders/${order.id}/confirm`)).statusCode).toBe(403);
    const confirmed = await api.post('finance', `/api/orders/${order.id}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().status).toBe('confirmed');
    expect(await stockOf(t.database.db, f.warehouseId, a.id)).toEqual({ onHand: 10, reserved: 6 });

    const late = await submitted('rep-huadong-1', [{ skuId: a.id, units: 5 }]);
    expect(late.checks.map((c: { kind: string }) => c.kind)).toEqual(['stock']);
    await approve('am-huadong-1', late.checks[0].approvalId);
    const refused = await api.post('finance', `/api/orders/${late.id}/confirm`, {}, { 'accept-language': 'en' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('orders.outOfStock');
    expect(refused.json().error.message).toContain('5');
    expect((await api.get('rep-huadong-1', late.id)).json().status).toBe('awaiting_finance');
    expect(await stockOf(t.database.db, f.warehouseId, a.id)).toEqual({ onHand: 10, reserved: 6 });
    expect((await api.post('finance', `/api/orders/${order.id}/confirm`)).json().error.code).toBe('orders.wrongStatus');
  });

  it('OSB-1 cancel needs a reason, releases the reservation, emits order.cancelled, and is refused once shipped', async () => {
    const a = sku(2);
    await setStock(t.database.db, f.warehouseId, a.id, 50);
    const order = await submitted('rep-huadong-1', [{ skuId: a.id, units: 20 }]);
    await api.post('finance', `/api/orders/${order.id}/confirm`);
    expect(await stockOf(t.database.db, f.warehouseId, a.id)).toEqual({ onHand: 50, reserved: 20 });
    const blank = await api.post('rep-huadong-1', `/api/orders/${order.id}/cancel`, { reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details.field).toBe('reason');
    const cancelled = await api.post('rep-huadong-1', `/api/orders/${order.id}/cancel`, { reason: '客户改期' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: '客户改期' });
    expect(await stockOf(t.database.db, f.warehouseId, a.id)).toEqual({ onHand: 50, reserved: 0 });
    expect(await auditActions(t.database.db, 'order', order.id)).toEqual(['create', 'submit', 'confirm', 'cancel']);
    const [event] = await selectRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM domain_events WHERE type = 'order.cancelled' AND (payload->>'orderId')::bigint = ${order.id}`,
    );
    expect(event?.n).toBe(1);
    const again = await api.post('rep-huadong-1', `/api/orders/${order.id}/cancel`, { reason: '再取消' });
    expect(again.statusCode).toBe(409);
  });

  it('OSB-1 a draft may be edited (lines priced again); a submitted one may not', async () => {
    const order = await create('rep-huadong-1', [{ skuId: sku(0).id, units: 1 }]);
    const edited = await t.as('rep-huadong-1', {
      method: 'PUT',
      url: `/api/orders/${order.id}`,
      payload: { accountId: f.accountId, channel: 'phone', lines: [{ skuId: sku(1).id, cases: 1 }] },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().lines.map((l: { skuId: number }) => l.skuId)).toEqual([sku(1).id]);
    await api.post('rep-huadong-1', `/api/orders/${order.id}/submit`);
    const refused = await t.as('rep-huadong-1', {
      method: 'PUT',
      url: `/api/orders/${order.id}`,
      payload: { accountId: f.accountId, channel: 'phone', lines: [{ skuId: sku(1).id, cases: 1 }] },
    });
    expect(refused.statusCode).toBe(409);
  });
});
