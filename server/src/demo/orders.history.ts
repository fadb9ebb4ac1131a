import { sql } from 'drizzle-orm';
import {
  createOrder,
  deliveryRuns,
  type OrderStatus,
  orderEvents,
  orderLines,
  orders,
  shipmentEvents,
  shipmentLines,
  shipments,
  stockMovements,
} from '../modules/orders/index.js';
import { createPrincipalLoader } from '../modules/org/index.js';
import { resolvePrices } from '../modules/products/index.js';
import { auditLog } from '../platform/audit/audit.schema.js';
import type { Db, Tx } from '../platform/db/database.js';
import { selectRows } from '../platform/db/raw.js';
import { shanghaiDate, shanghaiMonth } from '../platform/time.js';
import { type Random, seededRandom, spreadEvenly } from './random.js';

interface OrgIds {
  userIds: Map<string, number>;
}

type Row = Record<string, string | number | boolean | null>;
const hour = 3_600_000;
const day = 24 * hour;
const chunkSize = 1000;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += chunkSize) await insert(rows.slice(i, i + chunkSize));
}

const clampDate = (date: Date, now: number) => new Date(Math.min(date.getTime(), now));

/** The state an order of this age is in: old ones are mostly done, recent ones spread over the flow. */
function statusFor(random: Random, ageDays: number): OrderStatus {
  const roll = random.next();
  if (ageDays > 30) return roll < 0.78 ? 'completed' : roll < 0.9 ? 'cancelled' : 'shipped';
  if (ageDays > 7)
    return roll < 0.4
      ? 'completed'
      : roll < 0.6
        ? 'shipped'
        : roll < 0.7
          ? 'partially_shipped'
          : roll < 0.8
            ? 'confirmed'
            : roll < 0.9
              ? 'cancelled'
              : 'awaiting_finance';
  return roll < 0.15
    ? 'draft'
    : roll < 0.4
      ? 'awaiting_finance'
      : roll < 0.65
        ? 'confirmed'
        : roll < 0.75
          ? 'partially_shipped'
          : roll < 0.85
            ? 'shipped'
            : 'cancelled';
}

const carriers = ['德邦物流', '顺丰快运', '安能物流', '自有车队'];
const plates = ['沪A', '沪B', '苏E', '浙A', '京A', '粤A'];
const cancelReasons = ['客户改期，重新下单', '价格未谈妥', '客户资金未到位', '重复下单'];

/**
 * Six months of orders for the demo accounts, in every state, written with
 * multi-row inserts. Stock moves exactly as the services would move it
 * (reservation at confirmation, shipment at dispatch, release on cancel), so
 * levels and ledger agree; an order whose goods are not there stays awaiting
 * finance. A few fresh orders go through the real service to open approvals.
 */
export async function seedOrderHistory(tx: Tx, org: OrgIds): Promise<void> {
  const random = seededRandom(20261123);
  const warehouseRows = await selectRows<Row>(tx, sql`SELECT id, code, kind, geography_id FROM warehouses WHERE active ORDER BY id`);
  if (warehouseRows.length === 0) return; // the inventory demo did not run
  const central = warehouseRows.find((w) => w.kind === 'central') ?? warehouseRows[0];
  const geographyRows = await selectRows<Row>(tx, sql`SELECT id, parent_id FROM geographies`);
  const parentOf = new Map(geographyRows.map((g) => [Number(g.id), g.parent_id === null ? null : Number(g.parent_id)]));
  const pathOf = (id: number | null) => {
    const path: number[] = [];
    for (let at = id; at !== null && path.length < 16; at = parentOf.get(at) ?? null) path.push(at);
    return path;
  };
  const warehouseFor = (path: number[]) =>
    Number((warehouseRows.find((w) => w.geography_id !== null && path.includes(Number(w.geography_id))) ?? central)?.id);

  const accountRows = await selectRows<Row>(
    tx,
    sql`SELECT a.id, a.kind, a.owner_user_id, a.geography_id,
        (SELECT d.id FROM account_addresses d WHERE d.account_id = a.id AND d.kind = 'delivery' ORDER BY d.is_default DESC, d.id LIMIT 1) AS address_id
      FROM accounts a WHERE a.status = 'active' AND a.owner_user_id IS NOT NULL AND a.geography_id IS NOT NULL ORDER BY a.id`,
  );
  const chosen = spreadEvenly(accountRows, 200);
  const addressRows = await selectRows<Row>(
    tx,
    sql`SELECT id, province, city, address, receiver, receiver_phone, carrier, unloading_notes FROM account_addresses WHERE kind = 'delivery'`,
  );
  const addresses = new Map(addressRows.map((a) => [Number(a.id), a]));
  const skuRows = await selectRows<Row>(
    tx,
    sql`SELECT id, code, units_per_case, tracks_codes, coalesce(min_order_quantity, 1) AS min_qty FROM skus WHERE status = 'active' ORDER BY id`,
  );
  if (skuRows.length === 0) return;
  const levelRows = await selectRows<Row>(tx, sql`SELECT warehouse_id, sku_id, on_hand, reserved FROM stock_levels`);
  const levels = new Map(
    levelRows.map((l) => [`${l.warehouse_id}:${l.sku_id}`, { onHand: Number(l.on_hand), reserved: Number(l.reserved) }]),
  );
  const level = (w: number, s: number) => {
    const key = `${w}:${s}`;
    let found = levels.get(key);
    if (!found) {
      found = { onHand: 0, reserved: 0 };
      levels.set(key, found);
    }
    return found;
  };

  const available = (w: number, s: number) => {
    const stock = level(w, s);
    return stock.onHand - stock.reserved;
  };

  const priceCache = new Map<string, Awaited<ReturnType<typeof resolvePrices>>>();
  const today = shanghaiDate(new Date());
  const logistics = org.userIds.get('logistics') ?? null;
  const finance = org.userIds.get('finance') ?? null;
  const ssg = org.userIds.get('ssg') ?? null;
  const now = Date.now();

  const orderValues: (typeof orders.$inferInsert)[] = [];
  const lineValues: Omit<typeof orderLines.$inferInsert, 'orderId'>[][] = [];
  const eventValues: Omit<typeof orderEvents.$inferInsert, 'orderId'>[][] = [];
  const shipmentPlans: {
    orderIndex: number;
    shipment: Omit<typeof shipments.$inferInsert, 'number'>;
    lines: { lineNo: number; skuId: number; quantity: number; codes: string[] }[];
    events: { state: 'prepared' | 'picked' | 'dispatched' | 'delivered' | 'signed'; at: Date }[];
  }[] = [];
  const movementValues: (typeof stockMovements.$inferInsert & { orderIndex: number; shipmentIndex?: number })[] = [];
  const receipts: (typeof stockMovements.$inferInsert)[] = [];
  let orderSeq = 0;

  for (const account of chosen) {
    const path = pathOf(Number(account.geography_id));
    const warehouseId = warehouseFor(path);
    const key = `${account.kind}:${path.join(',')}`;
    let prices = priceCache.get(key);
    if (!prices) {
      prices = await resolvePrices(tx, {
        accountKind: String(account.kind),
        geographyPath: path,
        onDate: today,
        skuIds: skuRows.map((s) => Number(s.id)),
      });
      priceCache.set(key, prices);
    }
    const sellable = skuRows.filter((s) => prices?.has(Number(s.id)));
    if (sellable.length === 0) continue;
    const count = random.int(1, 6);
    for (let n = 0; n < count; n += 1) {
      const ageDays = random.next() < 0.3 ? random.int(0, 7) : random.int(0, 180);
      const createdAt = new Date(now - ageDays * day - random.int(0, 10) * hour);
      let status = statusFor(random, ageDays);
      const picked = new Set<number>();
      const lines: Omit<typeof orderLines.$inferInsert, 'orderId'>[] = [];
      for (let l = 0, want = random.int(1, 4); l < want; l += 1) {
        const sku = random.pick(sellable);
        const skuId = Number(sku.id);
        if (picked.has(skuId)) continue;
        picked.add(skuId);
        const price = prices.get(skuId);
        if (!price) continue;
        const perCase = Number(sku.units_per_case);
        const quantity = Math.max(Number(sku.min_qty), random.int(1, 6) * perCase);
        const discounted = random.next() < 0.25 ? Math.round(price.unitPriceFen * (1 - random.int(1, 4) / 100)) : price.unitPriceFen;
        const unitPriceFen = Math.max(price.floorPriceFen, discounted);
        lines.push({
          lineNo: lines.length + 1,
          skuId,
          quantity,
          shippedQuantity: 0,
          priceListId: price.priceListId,
          listPriceFen: price.unitPriceFen,
          unitPriceFen,
          floorPriceFen: price.floorPriceFen,
          discountBp:
            price.unitPriceFen > unitPriceFen ? Math.ceil(((price.unitPriceFen - unitPriceFen) * 10_000) / price.unitPriceFen) : 0,
          lineTotalFen: quantity * unitPriceFen,
        });
      }
      if (lines.length === 0) continue;
      let reserves =
        ['confirmed', 'partially_shipped', 'shipped', 'completed'].includes(status) || (status === 'cancelled' && random.next() < 0.4);
      if (reserves && status !== 'cancelled') {
        // Purchasing keeps the shelves filled: a receipt the day before covers what the order needs.
        for (const line of lines) {
          const short = line.quantity - available(warehouseId, line.skuId);
          if (short <= 0) continue;
          const received = short + 10 * Number(skuRows.find((sku) => Number(sku.id) === line.skuId)?.units_per_case ?? 1);
          level(warehouseId, line.skuId).onHand += received;
          receipts.push({
            warehouseId,
            skuId: line.skuId,
            kind: 'receipt',
            onHandDelta: received,
            reservedDelta: 0,
            note: '采购入库（演示）',
            userId: logistics,
            createdAt: new Date(createdAt.getTime() - day),
          });
        }
      }
      if (reserves && !lines.every((line) => available(warehouseId, line.skuId) >= line.quantity)) {
        // The goods are not there: the order waits for finance and stock, as the service would leave it.
        status = 'awaiting_finance';
        reserves = false;
      }
      const cancelledAfterConfirm = status === 'cancelled' && reserves;
      const orderIndex = orderValues.length;
      orderSeq += 1;
      const enteredBy = random.next() < 0.3 && ssg !== null ? ssg : Number(account.owner_user_id);
      const actor = Number(account.owner_user_id);
      const events: Omit<typeof orderEvents.$inferInsert, 'orderId'>[] = [
        { kind: 'created', code: 'draft', actorUserId: enteredBy, data: {}, at: createdAt },
      ];
      let at = createdAt.getTime();
      const step = (
        kind: (typeof orderEvents.$inferInsert)['kind'],
        code: string,
        gap: number,
        data: Record<string, unknown> = {},
        by: number | null = enteredBy,
      ) => {
        at += gap;
        // Recent orders may not have reached their later steps by now: no time lies in the future.
        const when = new Date(Math.min(at, now));
        events.push({ kind, code, actorUserId: by, data, at: when });
        return when;
      };
      const totalFen = lines.reduce((sum, line) => sum + (line.lineTotalFen ?? 0), 0);
      const listTotalFen = lines.reduce((sum, line) => sum + line.quantity * line.listPriceFen, 0);
      const address = account.address_id === null ? null : addresses.get(Number(account.address_id));
      const values: typeof orders.$inferInsert = {
        number: `SO${shanghaiMonth(createdAt).replace('-', '')}-${String(orderSeq).padStart(6, '0')}`,
        accountId: Number(account.id),
        enteredBy,
        ownerUserId: actor,
        geographyId: Number(account.geography_id),
        channel: enteredBy === ssg ? random.pick(['phone', 'walk_in'] as const) : 'field',
        warehouseId,
        requestedDeliveryDate: shanghaiDate(new Date(createdAt.getTime() + random.int(1, 5) * day)),
        deliveryAddressId: address ? Number(address.id) : null,
        deliveryAddress: address
          ? {
              province: address.province as string | null,
              city: address.city as string | null,
              address: String(address.address),
              receiver: address.receiver as string | null,
              receiverPhone: address.receiver_phone as string | null,
              carrier: address.carrier as string | null,
              unloadingNotes: address.unloading_notes as string | null,
            }
          : null,
        status,
        round: status === 'draft' ? 0 : 1,
        listTotalFen,
        discountTotalFen: Math.max(0, listTotalFen - totalFen),
        totalFen,
        createdAt,
        updatedAt: createdAt,
      };
      if (status !== 'draft' && !(status === 'cancelled' && !reserves && random.next() < 0.3)) {
        values.submittedAt = step('status', 'submitted', 5 * 60_000, { round: 1 });
        step('status', 'awaiting_finance', 60_000, {});
      }
      if (reserves) {
        const confirmedAt = step('reservation', 'reserved', random.int(1, 20) * hour, { warehouseId }, finance);
        step('status', 'confirmed', 1000, {}, finance);
        values.confirmedAt = confirmedAt;
        values.confirmedBy = finance;
        for (const line of lines) {
          level(warehouseId, line.skuId).reserved += line.quantity;
          movementValues.push({
            orderIndex,
            warehouseId,
            skuId: line.skuId,
            kind: 'reservation',
            onHandDelta: 0,
            reservedDelta: line.quantity,
            userId: finance,
            createdAt: confirmedAt,
          });
        }
      }
      if (status === 'cancelled') {
        const reason = random.pick(cancelReasons);
        const cancelledAt = step('status', 'cancelled', random.int(1, 48) * hour, { reason }, actor);
        values.cancelReason = reason;
        values.cancelledAt = cancelledAt;
        if (cancelledAfterConfirm) {
          for (const line of lines) {
            level(warehouseId, line.skuId).reserved -= line.quantity;
            movementValues.push({
              orderIndex,
              warehouseId,
              skuId: line.skuId,
              kind: 'release',
              onHandDelta: 0,
              reservedDelta: -line.quantity,
              note: reason,
              userId: actor,
              createdAt: cancelledAt,
            });
          }
          step('release', 'released', 0, { reason }, actor);
        }
      }
      if (['partially_shipped', 'shipped', 'completed'].includes(status)) {
        const partial = status === 'partially_shipped';
        const shipped = lines
          .map((line, index) => ({
            lineNo: line.lineNo ?? index + 1,
            skuId: line.skuId,
            quantity: partial ? (index === 0 ? Math.max(1, Math.floor(line.quantity / 2)) : 0) : line.quantity,
            codes: skuRows.find((s) => Number(s.id) === line.skuId)?.tracks_codes
              ? [`PH${shanghaiDate(createdAt).replaceAll('-', '')}-${String(random.int(1, 99)).padStart(2, '0')}`]
              : [],
          }))
          .filter((line) => line.quantity > 0);
        const kind = random.next() < 0.12 ? ('pickup' as const) : ('delivery' as const);
        const preparedAt = clampDate(new Date(at + random.int(2, 20) * hour), now);
        const pickedAt = clampDate(new Date(preparedAt.getTime() + 2 * hour), now);
        const dispatchedAt = clampDate(new Date(pickedAt.getTime() + 2 * hour), now);
        const deliveredAt = clampDate(new Date(dispatchedAt.getTime() + random.int(4, 40) * hour), now);
        const signedAt = clampDate(new Date(deliveredAt.getTime() + hour), now);
        const signed = status === 'completed';
        const delivered = signed || (status === 'shipped' && random.next() < 0.5);
        const trail = [
          { state: 'prepared' as const, at: preparedAt },
          { state: 'picked' as const, at: pickedAt },
          { state: 'dispatched' as const, at: dispatchedAt },
          ...(delivered ? [{ state: 'delivered' as const, at: deliveredAt }] : []),
          ...(signed ? [{ state: 'signed' as const, at: signedAt }] : []),
        ];
        const shipmentIndex = shipmentPlans.length;
        shipmentPlans.push({
          orderIndex,
          shipment: {
            accountId: Number(account.id),
            warehouseId,
            kind,
            state: trail.at(-1)?.state ?? 'dispatched',
            carrier: kind === 'pickup' ? null : ((address?.carrier as string | null) ?? random.pick(carriers)),
            vehicle: `${random.pick(plates)}·${String(random.int(10000, 99999))}`,
            driverPhone: kind === 'pickup' ? null : `139${String(random.int(10_000_000, 99_999_999))}`,
            createdBy: logistics,
            pickedAt,
            dispatchedAt,
            deliveredAt: delivered ? deliveredAt : null,
            signedAt: signed ? signedAt : null,
            signedBy: signed ? ((address?.receiver as string | null) ?? '店主') : null,
            createdAt: preparedAt,
            updatedAt: trail.at(-1)?.at ?? dispatchedAt,
          },
          lines: shipped,
          events: trail,
        });
        at = preparedAt.getTime();
        step('shipment', 'prepared', 0, { kind }, logistics);
        step('tracking', 'picked', 2 * hour, {}, logistics);
        step('tracking', 'dispatched', 2 * hour, {}, logistics);
        step('status', partial ? 'partially_shipped' : 'shipped', 1000, {}, logistics);
        for (const line of shipped) {
          const stock = level(warehouseId, line.skuId);
          stock.onHand -= line.quantity;
          stock.reserved -= line.quantity;
          movementValues.push({
            orderIndex,
            shipmentIndex,
            warehouseId,
            skuId: line.skuId,
            kind: 'shipment',
            onHandDelta: -line.quantity,
            reservedDelta: -line.quantity,
            userId: logistics,
            createdAt: dispatchedAt,
          });
          const orderLine = lines.find((l) => l.lineNo === line.lineNo);
          if (orderLine) orderLine.shippedQuantity = line.quantity;
        }
        if (!partial) values.shippedAt = dispatchedAt;
        if (delivered) step('tracking', 'delivered', deliveredAt.getTime() - at, {}, logistics);
        if (signed) {
          step('tracking', 'signed', hour, {}, logistics);
          step('status', 'completed', 1000, {}, logistics);
          values.completedAt = signedAt;
        }
      }
      const paidChance = status === 'completed' ? 0.9 : status === 'shipped' ? 0.4 : status === 'confirmed' ? 0.1 : 0;
      if (random.next() < paidChance) values.paidAt = step('payment', 'paid', random.int(1, 72) * hour, { totalFen }, finance);
      values.updatedAt = new Date(Math.min(at, now));
      orderValues.push(values);
      lineValues.push(lines);
      eventValues.push(events.map((e) => ({ ...e, at: new Date(Math.min((e.at as Date).getTime(), now)) })));
    }
  }

  const orderIds: number[] = [];
  await insertChunked(orderValues, async (chunk) => {
    const rows = await tx.insert(orders).values(chunk).returning({ id: orders.id });
    orderIds.push(...rows.map((r) => r.id));
  });
  await tx.execute(sql`SELECT setval('order_number_seq', ${Math.max(orderSeq, 1)})`);
  const idOf = (index: number) => orderIds[index] as number;
  const insertedLines: { id: number; orderId: number; lineNo: number }[] = [];
  await insertChunked(
    lineValues.flatMap((lines, index) => lines.map((line) => ({ ...line, orderId: idOf(index) }))),
    async (chunk) =>
      insertedLines.push(
        ...(await tx
          .insert(orderLines)
          .values(chunk)
          .returning({ id: orderLines.id, orderId: orderLines.orderId, lineNo: orderLines.lineNo })),
      ),
  );
  const lineId = new Map(insertedLines.map((l) => [`${l.orderId}:${l.lineNo}`, l.id]));
  await insertChunked(
    eventValues.flatMap((events, index) => events.map((event) => ({ ...event, orderId: idOf(index) }))),
    (chunk) => tx.insert(orderEvents).values(chunk),
  );
  await insertChunked(
    orderValues.map((order, index) => ({
      actorUserId: order.enteredBy,
      entity: 'order',
      entityId: String(idOf(index)),
      action: 'demo.import',
      after: { number: order.number, status: order.status, totalFen: order.totalFen },
    })),
    (chunk) => tx.insert(auditLog).values(chunk),
  );

  const shipmentIds: number[] = [];
  await insertChunked(
    shipmentPlans.map((plan, index) => ({
      ...plan.shipment,
      number: `FH${shanghaiMonth(plan.shipment.createdAt as Date).replace('-', '')}-${String(index + 1).padStart(6, '0')}`,
    })),
    async (chunk) => shipmentIds.push(...(await tx.insert(shipments).values(chunk).returning({ id: shipments.id })).map((r) => r.id)),
  );
  await tx.execute(sql`SELECT setval('shipment_number_seq', ${Math.max(shipmentPlans.length, 1)})`);
  await insertChunked(
    shipmentPlans.flatMap((plan, index) =>
      plan.lines.map((line) => ({
        shipmentId: shipmentIds[index] as number,
        orderId: idOf(plan.orderIndex),
        orderLineId: lineId.get(`${idOf(plan.orderIndex)}:${line.lineNo}`) as number,
        skuId: line.skuId,
        quantity: line.quantity,
        codes: line.codes,
      })),
    ),
    (chunk) => tx.insert(shipmentLines).values(chunk),
  );
  await insertChunked(
    shipmentPlans.flatMap((plan, index) =>
      plan.events.map((event) => ({ shipmentId: shipmentIds[index] as number, state: event.state, actorUserId: logistics, at: event.at })),
    ),
    (chunk) => tx.insert(shipmentEvents).values(chunk),
  );
  await insertChunked(
    movementValues.map(({ orderIndex, shipmentIndex, ...movement }) => ({
      ...movement,
      orderId: idOf(orderIndex),
      shipmentId: shipmentIndex === undefined ? null : (shipmentIds[shipmentIndex] as number),
    })),
    (chunk) => tx.insert(stockMovements).values(chunk),
  );
  await insertChunked(receipts, (chunk) => tx.insert(stockMovements).values(chunk));
  // Levels follow the ledger: one statement moves every level the history touched (all levels exist: the inventory demo stocks every SKU).
  await tx.execute(sql`UPDATE stock_levels l SET on_hand = l.on_hand + d.on_hand, reserved = l.reserved + d.reserved, updated_at = now()
    FROM (SELECT warehouse_id, sku_id, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved
          FROM stock_movements WHERE order_id IS NOT NULL OR note = '采购入库（演示）' GROUP BY warehouse_id, sku_id) d
    WHERE l.warehouse_id = d.warehouse_id AND l.sku_id = d.sku_id`);

  await planDeliveryRuns(tx, logistics);
  await enterFreshOrders(tx, org, random);
}

/** Local delivery runs: recent dispatched deliveries of the central warehouse share a truck per day. */
async function planDeliveryRuns(tx: Tx, logistics: number | null): Promise<void> {
  const recent = await selectRows<Row>(
    tx,
    sql`SELECT s.id, s.warehouse_id, (s.dispatched_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day FROM shipments s
      JOIN warehouses w ON w.id = s.warehouse_id
      WHERE s.kind = 'delivery' AND w.kind = 'central' AND s.dispatched_at > now() - interval '14 days' ORDER BY s.dispatched_at`,
  );
  const byDay = new Map<string, Row[]>();
  for (const row of recent) byDay.set(String(row.day), [...(byDay.get(String(row.day)) ?? []), row]);
  let truck = 0;
  for (const [runDate, stops] of byDay) {
    if (stops.length < 2) continue;
    truck += 1;
    const [run] = await tx
      .insert(deliveryRuns)
      .values({
        runDate,
        warehouseId: Number(stops[0]?.warehouse_id),
        vehicle: `沪A·${String(60_000 + truck * 17)}`,
        driverName: ['陈师傅', '王师傅', '李师傅'][truck % 3] ?? '陈师傅',
        driverPhone: `1390000${String(1000 + truck).padStart(4, '0')}`,
        status: 'completed',
        createdBy: logistics,
      })
      .returning({ id: deliveryRuns.id });
    if (!run) continue;
    for (const [index, stop] of stops.slice(0, 8).entries()) {
      await tx.execute(sql`UPDATE shipments SET delivery_run_id = ${run.id}, stop_seq = ${index + 1} WHERE id = ${Number(stop.id)}`);
    }
  }
}

/** A few fresh orders through the real service: prices below the floor open price approvals with their facts. */
async function enterFreshOrders(tx: Tx, org: OrgIds, random: Random): Promise<void> {
  const load = createPrincipalLoader(tx as unknown as Db);
  for (const username of ['rep-huadong-1', 'rep-huadong-2', 'rep-huabei-1', 'rep-huanan-1']) {
    const userId = org.userIds.get(username);
    if (userId === undefined) continue;
    const loaded = await load(userId);
    if (!loaded) continue;
    const [account] = await selectRows<Row>(
      tx,
      sql`SELECT id FROM accounts WHERE owner_user_id = ${userId} AND status = 'active' AND geography_id IS NOT NULL ORDER BY id LIMIT 1`,
    );
    const [sku] = await selectRows<Row>(
      tx,
      sql`SELECT id, units_per_case FROM skus WHERE status = 'active' AND min_order_quantity IS NULL AND NOT tracks_codes ORDER BY id OFFSET ${random.int(0, 20)} LIMIT 1`,
    );
    if (!account || !sku) continue;
    const ctx = { db: tx as unknown as Db, principal: { ...loaded, via: { kind: 'token' as const, tokenId: 0 } }, actor: { userId } };
    try {
      await createOrder(ctx, {
        accountId: Number(account.id),
        channel: 'field',
        submit: true,
        note: '客户要求特价，申请低于底价',
        lines: [{ skuId: Number(sku.id), cases: random.int(5, 20), unitPriceFen: 100 }],
      });
    } catch {
      // An account without a price for the SKU simply gets no fresh order.
    }
  }
}
