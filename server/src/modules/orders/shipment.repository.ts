import { and, asc, count, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { DataScope } from '../../platform/access/principal.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import { paddedNextval } from '../../platform/db/numbering.js';
import { accountScopeColumns, accounts } from '../customers/index.js';
import { skus } from '../products/index.js';
import type { ShipmentKind, ShipmentState } from './order.enums.js';
import { orderLines, orders } from './order.schema.js';
import { deliveryRuns, shipmentEvents, shipmentLines, shipments } from './shipment.schema.js';
import { warehouses } from './warehouse.schema.js';

export type ShipmentRow = typeof shipments.$inferSelect;
export type NewShipment = typeof shipments.$inferInsert;
export type ShipmentLineRow = typeof shipmentLines.$inferSelect;
export type DeliveryRunRow = typeof deliveryRuns.$inferSelect;

/** FH202611-000123 (发货): the month of creation in Shanghai and a counter that never repeats. */
const nextShipmentNumber = () =>
  sql<string>`'FH' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMM') || '-' || ${paddedNextval('shipment_number_seq')}`;

const shipmentView = {
  id: shipments.id,
  number: shipments.number,
  accountId: shipments.accountId,
  accountCode: accounts.code,
  accountName: accounts.name,
  warehouseId: shipments.warehouseId,
  warehouseName: warehouses.name,
  kind: shipments.kind,
  state: shipments.state,
  carrier: shipments.carrier,
  vehicle: shipments.vehicle,
  driverPhone: shipments.driverPhone,
  deliveryRunId: shipments.deliveryRunId,
  stopSeq: shipments.stopSeq,
  note: shipments.note,
  pickedAt: shipments.pickedAt,
  dispatchedAt: shipments.dispatchedAt,
  deliveredAt: shipments.deliveredAt,
  signedAt: shipments.signedAt,
  signedBy: shipments.signedBy,
  createdAt: shipments.createdAt,
};

function selectShipments(db: Executor) {
  return db
    .select(shipmentView)
    .from(shipments)
    .innerJoin(accounts, eq(accounts.id, shipments.accountId))
    .innerJoin(warehouses, eq(warehouses.id, shipments.warehouseId));
}

export type ShipmentView = Awaited<ReturnType<typeof selectShipments>>[number];

/** Shipments are seen by whoever sees the account they go to (its owner, its territory, or all). */
const shipmentScope = (scope: DataScope) => scopeCondition(scope, accountScopeColumns);

export interface ShipmentFilter {
  state?: ShipmentState;
  kind?: ShipmentKind;
  accountId?: number;
  warehouseId?: number;
  deliveryRunId?: number;
  orderId?: number;
}

export async function listShipments(db: Executor, scope: DataScope, filter: ShipmentFilter, page: { limit: number; offset: number }) {
  const where = and(
    shipmentScope(scope),
    filter.state ? eq(shipments.state, filter.state) : undefined,
    filter.kind ? eq(shipments.kind, filter.kind) : undefined,
    filter.accountId ? eq(shipments.accountId, filter.accountId) : undefined,
    filter.warehouseId ? eq(shipments.warehouseId, filter.warehouseId) : undefined,
    filter.deliveryRunId ? eq(shipments.deliveryRunId, filter.deliveryRunId) : undefined,
    filter.orderId ? sql`${shipments.id} IN (SELECT shipment_id FROM shipment_lines WHERE order_id = ${filter.orderId})` : undefined,
  );
  const items = await selectShipments(db).where(where).orderBy(desc(shipments.id)).limit(page.limit).offset(page.offset);
  const [total] = await db.select({ n: count() }).from(shipments).innerJoin(accounts, eq(accounts.id, shipments.accountId)).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function findShipment(db: Executor, scope: DataScope, id: number): Promise<ShipmentView | null> {
  const [row] = await selectShipments(db).where(and(eq(shipments.id, id), shipmentScope(scope)));
  return row ?? null;
}

export async function lockShipments(db: Executor, ids: number[]): Promise<ShipmentRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(shipments).where(inArray(shipments.id, ids)).orderBy(asc(shipments.id)).for('update');
}

export async function insertShipment(db: Executor, values: Omit<NewShipment, 'number'>): Promise<ShipmentRow> {
  const [row] = await db
    .insert(shipments)
    .values({ ...values, number: nextShipmentNumber() })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateShipment(db: Executor, id: number, values: Partial<NewShipment>): Promise<ShipmentRow> {
  const [row] = await db
    .update(shipments)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(shipments.id, id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

export async function insertShipmentLines(db: Executor, rows: (typeof shipmentLines.$inferInsert)[]): Promise<ShipmentLineRow[]> {
  if (rows.length === 0) return [];
  return db.insert(shipmentLines).values(rows).returning();
}

export async function insertShipmentEvents(db: Executor, rows: (typeof shipmentEvents.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(shipmentEvents).values(rows);
}

/** A cancelled shipment's codes no longer trace to its account and may ship again. */
export async function releaseShipmentCodes(db: Executor, shipmentId: number): Promise<void> {
  await db.update(shipmentLines).set({ codes: sql`'{}'::text[]` }).where(eq(shipmentLines.shipmentId, shipmentId));
}

export function linesOfShipments(db: Executor, shipmentIds: number[]) {
  if (shipmentIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: shipmentLines.id,
      shipmentId: shipmentLines.shipmentId,
      orderId: shipmentLines.orderId,
      orderNumber: orders.number,
      orderLineId: shipmentLines.orderLineId,
      skuId: shipmentLines.skuId,
      skuCode: skus.code,
      skuName: skus.name,
      baseUnit: skus.baseUnit,
      caseUnit: skus.caseUnit,
      unitsPerCase: skus.unitsPerCase,
      quantity: shipmentLines.quantity,
      codes: shipmentLines.codes,
      unitPriceFen: orderLines.unitPriceFen,
    })
    .from(shipmentLines)
    .innerJoin(orders, eq(orders.id, shipmentLines.orderId))
    .innerJoin(orderLines, eq(orderLines.id, shipmentLines.orderLineId))
    .innerJoin(skus, eq(skus.id, shipmentLines.skuId))
    .where(inArray(shipmentLines.shipmentId, shipmentIds))
    .orderBy(asc(shipmentLines.shipmentId), asc(shipmentLines.id));
}

export type ShipmentLineView = Awaited<ReturnType<typeof linesOfShipments>>[number];

export function eventsOfShipment(db: Executor, shipmentId: number) {
  return db
    .select()
    .from(shipmentEvents)
    .where(eq(shipmentEvents.shipmentId, shipmentId))
    .orderBy(asc(shipmentEvents.at), asc(shipmentEvents.id));
}

/** Per order line, what shipments not yet dispatched already hold: it may not be promised twice. */
export async function undispatchedQuantities(db: Executor, orderLineIds: number[]): Promise<Map<number, number>> {
  if (orderLineIds.length === 0) return new Map();
  const rows = await db
    .select({ orderLineId: shipmentLines.orderLineId, quantity: sql<string>`sum(${shipmentLines.quantity})` })
    .from(shipmentLines)
    .innerJoin(shipments, eq(shipments.id, shipmentLines.shipmentId))
    .where(and(inArray(shipmentLines.orderLineId, orderLineIds), inArray(shipments.state, ['prepared', 'picked'])))
    .groupBy(shipmentLines.orderLineId);
  return new Map(rows.map((row) => [Number(row.orderLineId), Number(row.quantity)]));
}

/** Orders a shipment carries goods of. */
export async function ordersOfShipment(db: Executor, shipmentId: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({ orderId: shipmentLines.orderId })
    .from(shipmentLines)
    .where(eq(shipmentLines.shipmentId, shipmentId))
    .orderBy(asc(shipmentLines.orderId));
  return rows.map((row) => row.orderId);
}

/** True when every shipment of the order has been signed for (cancelled ones carried nothing). */
export async function allShipmentsSigned(db: Executor, orderId: number): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(shipments)
    .where(
      and(
        sql`${shipments.id} IN (SELECT shipment_id FROM shipment_lines WHERE order_id = ${orderId})`,
        notInArray(shipments.state, ['signed', 'cancelled']),
      ),
    );
  return (row?.n ?? 0) === 0;
}

export async function insertDeliveryRun(db: Executor, values: typeof deliveryRuns.$inferInsert): Promise<DeliveryRunRow> {
  const [row] = await db.insert(deliveryRuns).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function lockDeliveryRun(db: Executor, id: number): Promise<DeliveryRunRow | null> {
  const [row] = await db.select().from(deliveryRuns).where(eq(deliveryRuns.id, id)).for('update');
  return row ?? null;
}

export async function updateDeliveryRun(
  db: Executor,
  id: number,
  values: Partial<typeof deliveryRuns.$inferInsert>,
): Promise<DeliveryRunRow> {
  const [row] = await db
    .update(deliveryRuns)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(deliveryRuns.id, id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

const runView = {
  id: deliveryRuns.id,
  runDate: deliveryRuns.runDate,
  warehouseId: deliveryRuns.warehouseId,
  warehouseName: warehouses.name,
  vehicle: deliveryRuns.vehicle,
  driverName: deliveryRuns.driverName,
  driverPhone: deliveryRuns.driverPhone,
  status: deliveryRuns.status,
  note: deliveryRuns.note,
  stops: sql<number>`(SELECT count(*)::int FROM shipments s WHERE s.delivery_run_id = ${deliveryRuns.id})`,
  createdAt: deliveryRuns.createdAt,
};

export async function listDeliveryRuns(
  db: Executor,
  filter: { runDate?: string; warehouseId?: number },
  page: { limit: number; offset: number },
) {
  const where = and(
    filter.runDate ? eq(deliveryRuns.runDate, filter.runDate) : undefined,
    filter.warehouseId ? eq(deliveryRuns.warehouseId, filter.warehouseId) : undefined,
  );
  const items = await db
    .select(runView)
    .from(deliveryRuns)
    .innerJoin(warehouses, eq(warehouses.id, deliveryRuns.warehouseId))
    .where(where)
    .orderBy(desc(deliveryRuns.runDate), desc(deliveryRuns.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(deliveryRuns).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function findDeliveryRun(db: Executor, id: number) {
  const [row] = await db
    .select(runView)
    .from(deliveryRuns)
    .innerJoin(warehouses, eq(warehouses.id, deliveryRuns.warehouseId))
    .where(eq(deliveryRuns.id, id));
  return row ?? null;
}

/** The stops of a run; with a scope, only those a reader may see (a run mixes several accounts). */
export function shipmentsOfRun(db: Executor, runId: number, scope?: DataScope) {
  return selectShipments(db)
    .where(and(eq(shipments.deliveryRunId, runId), scope ? shipmentScope(scope) : undefined))
    .orderBy(asc(shipments.stopSeq), asc(shipments.id));
}
