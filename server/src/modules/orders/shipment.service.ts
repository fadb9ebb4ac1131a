import { unrestrictedScope } from '../../platform/access/scope.js';
import { type Actor, writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { emitEvent } from '../../platform/events/index.js';
import { findSkus } from '../products/index.js';
import { shipReserved } from './inventory.service.js';
import {
  cancellableShipmentStates,
  type ShipmentKind,
  type ShipmentState,
  shippableStatuses,
  type TrackingState,
  trackingStates,
} from './order.enums.js';
import { OrderErrors } from './order.errors.js';
import {
  addShippedQuantity,
  findOrder,
  lockOrderLines,
  lockOrders,
  type OrderRow,
  orderIdsOfLines,
  updateOrder,
} from './order.repository.js';
import { recordOrderEvent, wrongStatus } from './order.service.js';
import {
  allShipmentsSigned,
  eventsOfShipment,
  findDeliveryRun,
  findShipment,
  insertShipment,
  insertShipmentEvents,
  insertShipmentLines,
  linesOfShipments,
  listShipments,
  lockShipments,
  ordersOfShipment,
  releaseShipmentCodes,
  type ShipmentFilter,
  type ShipmentRow,
  undispatchedQuantities,
  updateShipment,
} from './shipment.repository.js';

export const shipmentEntity = 'shipment';

type ReadContext = Pick<ServiceContext, 'db' | 'principal'>;

export interface ShipmentLineInput {
  orderLineId: number;
  quantity: number;
  /** Batch or unit codes shipped; required when the SKU tracks codes. */
  codes?: string[];
}

export interface ShipmentInput {
  warehouseId: number;
  kind: ShipmentKind;
  carrier?: string | null;
  vehicle?: string | null;
  driverPhone?: string | null;
  note?: string | null;
  lines: ShipmentLineInput[];
}

const trimmed = (value: string | null | undefined) => {
  const text = value?.trim();
  return text ? text : null;
};

/** Trimmed, blank-free, each code once (a scanner may read a code twice). */
const cleanCodes = (codes: string[] | undefined) => [...new Set((codes ?? []).map((code) => code.trim()).filter(Boolean))];

/**
 * OSB-3: a shipment from one warehouse for confirmed orders of one account,
 * whole or partial lines. Nothing leaves the stock yet: that happens on
 * dispatch. Lines not yet dispatched in other shipments count as promised.
 */
export async function createShipment(ctx: ServiceContext, input: ShipmentInput) {
  if (input.lines.length === 0) throw new AppError(OrderErrors.noShipmentLines, {}, { field: 'lines' });
  const id = await ctx.db.transaction(async (tx) => {
    const ids = input.lines.map((line) => line.orderLineId);
    const seen = new Set<number>();
    input.lines.forEach((line, index) => {
      if (seen.has(line.orderLineId))
        throw new AppError(OrderErrors.lineNotInOrders, { field: `lines[${index}].orderLineId` }, { field: `lines[${index}].orderLineId` });
      seen.add(line.orderLineId);
    });
    const orders = await lockOrders(tx, await orderIdsOfLines(tx, ids));
    const byId = new Map(orders.map((order) => [order.id, order]));
    const lines = new Map(
      (
        await lockOrderLines(
          tx,
          orders.map((order) => order.id),
        )
      ).map((line) => [line.id, line]),
    );
    const promised = await undispatchedQuantities(tx, ids);
    const skus = new Map(
      (
        await findSkus(
          tx,
          [...lines.values()].map((line) => line.skuId),
        )
      ).map((sku) => [sku.id, sku]),
    );
    let accountId: number | null = null;
    const rows = [];
    for (const [index, entry] of input.lines.entries()) {
      const field = `lines[${index}]`;
      const line = lines.get(entry.orderLineId);
      const order = line ? byId.get(line.orderId) : undefined;
      if (!line || !order || !(await findOrder(tx, ctx.principal.scope, order.id)))
        throw new AppError(OrderErrors.lineNotInOrders, { field: `${field}.orderLineId` }, { field: `${field}.orderLineId` });
      if (!shippableStatuses.includes(order.status)) throw wrongStatus(order, 'ship');
      if (accountId !== null && order.accountId !== accountId)
        throw new AppError(OrderErrors.mixedAccounts, { field: `${field}.orderLineId` }, { field: `${field}.orderLineId` });
      accountId = order.accountId;
      if (order.warehouseId !== input.warehouseId)
        throw new AppError(OrderErrors.mixedWarehouses, { field: `${field}.orderLineId` }, { field: 'warehouseId' });
      const open = line.quantity - line.shippedQuantity - (promised.get(line.id) ?? 0);
      if (!Number.isInteger(entry.quantity) || entry.quantity < 1 || entry.quantity > open)
        throw new AppError(
          OrderErrors.overShip,
          { field: `${field}.quantity`, quantity: entry.quantity, open },
          { field: `${field}.quantity` },
        );
      const sku = skus.get(line.skuId);
      const codes = cleanCodes(entry.codes);
      if (sku?.tracksCodes && codes.length === 0)
        throw new AppError(OrderErrors.codesRequired, { field: `${field}.codes`, code: sku.code }, { field: `${field}.codes` });
      rows.push({ orderId: order.id, orderLineId: line.id, skuId: line.skuId, quantity: entry.quantity, codes });
    }
    if (accountId === null) throw new AppError(OrderErrors.noShipmentLines, {}, { field: 'lines' });
    const shipment = await insertShipment(tx, {
      accountId,
      warehouseId: input.warehouseId,
      kind: input.kind,
      carrier: trimmed(input.carrier),
      vehicle: trimmed(input.vehicle),
      driverPhone: trimmed(input.driverPhone),
      note: trimmed(input.note),
      createdBy: ctx.principal.userId,
    });
    const inserted = await insertShipmentLines(
      tx,
      rows.map((row) => ({ ...row, shipmentId: shipment.id })),
    );
    await insertShipmentEvents(tx, [{ shipmentId: shipment.id, state: 'prepared', actorUserId: ctx.principal.userId }]);
    const orderIds = [...new Set(rows.map((row) => row.orderId))];
    await recordOrderEvent(tx, ctx.actor, orderIds, 'shipment', 'prepared', {
      shipmentId: shipment.id,
      number: shipment.number,
      kind: shipment.kind,
    });
    await writeAudit(tx, ctx.actor, {
      entity: shipmentEntity,
      entityId: shipment.id,
      action: 'create',
      after: { ...shipment, lines: inserted },
    });
    return shipment.id;
  });
  return getShipment(ctx, id);
}

const stateLabels: Record<ShipmentState, { 'zh-CN': string; en: string }> = {
  prepared: { 'zh-CN': '已备货', en: 'prepared' },
  picked: { 'zh-CN': '已拣货', en: 'picked' },
  dispatched: { 'zh-CN': '已发车', en: 'dispatched' },
  delivered: { 'zh-CN': '已送达', en: 'delivered' },
  signed: { 'zh-CN': '已签收', en: 'signed' },
  cancelled: { 'zh-CN': '已取消', en: 'cancelled' },
};

const stateIndex = (state: TrackingState) => trackingStates.indexOf(state);
const stampOf: Partial<Record<TrackingState, 'pickedAt' | 'dispatchedAt' | 'deliveredAt' | 'signedAt'>> = {
  picked: 'pickedAt',
  dispatched: 'dispatchedAt',
  delivered: 'deliveredAt',
  signed: 'signedAt',
};

/**
 * OSB-10: moves a shipment forward (states may be skipped, never undone).
 * Passing `dispatched` takes the goods out of stock against the orders'
 * reservations and moves the orders to partially shipped / shipped; `signed`
 * completes an order once all its shipments are signed and nothing is left.
 */
export async function trackShipment(
  ctx: ServiceContext,
  id: number,
  input: { state: TrackingState; note?: string | null; signedBy?: string | null },
) {
  await ctx.db.transaction(async (tx) => {
    if (!(await findShipment(tx, ctx.principal.scope, id))) throw new AppError(PlatformErrors.notFound);
    await advanceShipment(tx, ctx.actor, ctx.principal.userId, id, input);
  });
  return getShipment(ctx, id);
}

/** The tracking move itself, for one shipment already known to be in scope (also used by delivery runs). */
export async function advanceShipment(
  tx: Tx,
  actor: Actor,
  userId: number,
  id: number,
  input: { state: TrackingState; note?: string | null; signedBy?: string | null },
): Promise<ShipmentRow> {
  const [before] = await lockShipments(tx, [id]);
  if (!before) throw new AppError(PlatformErrors.notFound);
  if (before.state === 'cancelled') throw new AppError(OrderErrors.shipmentCancelled, { number: before.number }, { field: 'state' });
  const current = before.state;
  if (stateIndex(input.state) <= stateIndex(current))
    throw new AppError(
      OrderErrors.trackingBackwards,
      { number: before.number, state: stateLabels[current], next: stateLabels[input.state] },
      { field: 'state' },
    );
  const now = new Date();
  const passed = trackingStates.filter((state) => stateIndex(state) > stateIndex(current) && stateIndex(state) <= stateIndex(input.state));
  const stamps: Partial<ShipmentRow> = {};
  for (const state of passed) {
    const stamp = stampOf[state];
    if (stamp) stamps[stamp] = now;
  }
  const after = await updateShipment(tx, id, {
    ...stamps,
    state: input.state,
    ...(input.state === 'signed' ? { signedBy: trimmed(input.signedBy) } : {}),
  });
  const note = trimmed(input.note);
  await insertShipmentEvents(
    tx,
    passed.map((state) => ({ shipmentId: id, state, actorUserId: userId, note, at: now })),
  );
  const orderIds = await ordersOfShipment(tx, id);
  const orders = await lockOrders(tx, orderIds);
  await recordOrderEvent(tx, actor, orderIds, 'tracking', input.state, { shipmentId: id, number: after.number, passed, note });
  if (passed.includes('dispatched')) await dispatchGoods(tx, actor, userId, after, orders);
  if (passed.includes('signed')) await completeSignedOrders(tx, actor, orderIds);
  await writeAudit(tx, actor, {
    entity: shipmentEntity,
    entityId: id,
    action: `track.${input.state}`,
    before: { state: before.state },
    after: { state: after.state, ...stamps },
  });
  return after;
}

/**
 * OSB-3: a shipment still `prepared` is called off with a reason. Goods leave
 * stock and count as shipped only on dispatch, so the orders' reservations,
 * shipped quantities and statuses are exactly as they were before the
 * shipment and stay so; cancelling gives its lines' quantities back to what
 * the orders still have open to ship, and frees the batch codes recorded on
 * them (they stay in the audit row). The row lock makes a second cancel, or a
 * pick racing this one, see the new state.
 */
export async function cancelShipment(ctx: ServiceContext, id: number, input: { reason: string }) {
  const reason = trimmed(input.reason);
  if (!reason) throw new AppError(OrderErrors.reasonRequired, { field: 'reason' }, { field: 'reason' });
  await ctx.db.transaction(async (tx) => {
    if (!(await findShipment(tx, ctx.principal.scope, id))) throw new AppError(PlatformErrors.notFound);
    const [before] = await lockShipments(tx, [id]);
    if (!before) throw new AppError(PlatformErrors.notFound);
    if (!cancellableShipmentStates.includes(before.state))
      throw new AppError(
        OrderErrors.shipmentNotCancellable,
        { number: before.number, state: stateLabels[before.state] },
        { field: 'state', state: before.state },
      );
    const lines = await linesOfShipments(tx, [id]);
    const after = await updateShipment(tx, id, { state: 'cancelled' });
    await releaseShipmentCodes(tx, id);
    await insertShipmentEvents(tx, [{ shipmentId: id, state: 'cancelled', actorUserId: ctx.principal.userId, note: reason }]);
    const orderIds = [...new Set(lines.map((line) => line.orderId))];
    await recordOrderEvent(tx, ctx.actor, orderIds, 'shipment', 'cancelled', { shipmentId: id, number: after.number, reason });
    const held = lines.map((line) => ({ id: line.id, orderLineId: line.orderLineId, quantity: line.quantity, codes: line.codes }));
    await writeAudit(tx, ctx.actor, {
      entity: shipmentEntity,
      entityId: id,
      action: 'cancel',
      before: { state: before.state, lines: held },
      after: { state: after.state, reason, lines: held.map((line) => ({ ...line, codes: [] })) },
    });
  });
  return getShipment(ctx, id);
}

async function dispatchGoods(tx: Tx, actor: Actor, userId: number, shipment: ShipmentRow, orders: OrderRow[]) {
  const lines = await linesOfShipments(tx, [shipment.id]);
  for (const order of orders) {
    if (!shippableStatuses.includes(order.status)) throw wrongStatus(order, 'ship');
    const mine = lines.filter((line) => line.orderId === order.id);
    await shipReserved(tx, {
      orderId: order.id,
      shipmentId: shipment.id,
      warehouseId: shipment.warehouseId,
      lines: mine.map((line) => ({ skuId: line.skuId, quantity: line.quantity })),
      userId,
    });
    for (const line of mine) await addShippedQuantity(tx, line.orderLineId, line.quantity);
    const orderLines = await lockOrderLines(tx, [order.id]);
    const complete = orderLines.every((line) => line.shippedQuantity >= line.quantity);
    const status = complete ? 'shipped' : 'partially_shipped';
    if (status !== order.status) {
      await updateOrder(tx, order.id, { status, ...(complete ? { shippedAt: new Date() } : {}) });
      await recordOrderEvent(tx, actor, [order.id], 'status', status, { from: order.status, shipmentId: shipment.id });
      await writeAudit(tx, actor, {
        entity: 'order',
        entityId: order.id,
        action: 'ship',
        before: { status: order.status },
        after: { status },
      });
    }
    await emitEvent(tx, 'order.shipped', {
      orderId: order.id,
      number: order.number,
      accountId: order.accountId,
      shipmentId: shipment.id,
      warehouseId: shipment.warehouseId,
      complete,
      lines: mine.map((line) => ({ skuId: line.skuId, quantity: line.quantity, codes: line.codes })),
    });
  }
}

async function completeSignedOrders(tx: Tx, actor: Actor, orderIds: number[]) {
  for (const order of await lockOrders(tx, orderIds)) {
    if (order.status !== 'shipped' || !(await allShipmentsSigned(tx, order.id))) continue;
    await updateOrder(tx, order.id, { status: 'completed', completedAt: new Date() });
    await recordOrderEvent(tx, actor, [order.id], 'status', 'completed', { from: order.status });
    await writeAudit(tx, actor, {
      entity: 'order',
      entityId: order.id,
      action: 'complete',
      before: { status: order.status },
      after: { status: 'completed' },
    });
  }
}

export async function getShipment(ctx: ReadContext, id: number) {
  const shipment = await findShipment(ctx.db, ctx.principal.scope, id);
  if (!shipment) throw new AppError(PlatformErrors.notFound);
  const [lines, events] = await Promise.all([linesOfShipments(ctx.db, [id]), eventsOfShipment(ctx.db, id)]);
  return { ...shipment, lines, events };
}

export function searchShipments(ctx: ReadContext, filter: ShipmentFilter, page: { limit: number; offset: number }) {
  return listShipments(ctx.db, ctx.principal.scope, filter, page);
}

/** 发货清单: everything the printable delivery note shows, quantities also as cases + loose units. */
export async function deliveryNote(ctx: ReadContext, id: number) {
  const shipment = await getShipment(ctx, id);
  const orderIds = [...new Set(shipment.lines.map((line) => line.orderId))];
  const orders = (await Promise.all(orderIds.map((orderId) => findOrder(ctx.db, unrestrictedScope, orderId)))).filter((o) => o !== null);
  const run = shipment.deliveryRunId === null ? null : await findDeliveryRun(ctx.db, shipment.deliveryRunId);
  const lines = shipment.lines.map((line) => ({
    orderNumber: line.orderNumber,
    skuCode: line.skuCode,
    skuName: line.skuName,
    baseUnit: line.baseUnit,
    caseUnit: line.caseUnit,
    unitsPerCase: line.unitsPerCase,
    quantity: line.quantity,
    cases: Math.floor(line.quantity / line.unitsPerCase),
    looseUnits: line.quantity % line.unitsPerCase,
    unitPriceFen: line.unitPriceFen,
    amountFen: line.quantity * line.unitPriceFen,
    codes: line.codes,
  }));
  const { lines: _lines, events: _events, ...header } = shipment;
  return {
    shipment: header,
    account: { id: shipment.accountId, code: shipment.accountCode, name: shipment.accountName },
    deliveryAddress: orders[0]?.deliveryAddress ?? null,
    orders: orders.map((order) => ({ id: order.id, number: order.number, requestedDeliveryDate: order.requestedDeliveryDate })),
    lines,
    totals: {
      quantity: lines.reduce((sum, line) => sum + line.quantity, 0),
      amountFen: lines.reduce((sum, line) => sum + line.amountFen, 0),
    },
    deliveryRun: run && { id: run.id, runDate: run.runDate, vehicle: run.vehicle, driverName: run.driverName, stopSeq: shipment.stopSeq },
    printedAt: new Date(),
  };
}
