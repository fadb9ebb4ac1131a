import type { Executor, Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { InventoryErrors } from './inventory.errors.js';
import { normalizeLines, postMovements, type StockLine, skuCodesOf } from './stock.ledger.js';
import { levelTotals, lockLevels, orderHoldings } from './stock.repository.js';
import { servingWarehouses } from './warehouse.repository.js';

// The stock API the order and shipment flows call. Every function runs in the
// caller's transaction, so the order change and its stock change commit together.

export interface ReserveInput {
  orderId: number;
  warehouseId: number;
  lines: StockLine[];
  userId: number;
}

/**
 * OSB-4 reservation, all or nothing. The level rows are locked in ascending
 * SKU order before availability is read, so concurrent orders for the last
 * units queue on the row lock and the later ones see what is really left.
 */
export async function reserveStock(tx: Tx, input: ReserveInput): Promise<void> {
  const lines = normalizeLines(input.lines);
  const levels = await lockLevels(
    tx,
    input.warehouseId,
    lines.map((l) => l.skuId),
  );
  const short = lines
    .map((line) => {
      const level = levels.get(line.skuId);
      return { skuId: line.skuId, requested: line.quantity, available: level ? level.onHand - level.reserved : 0 };
    })
    .filter((line) => line.available < line.requested);
  const first = short[0];
  if (first) {
    const codes = await skuCodesOf(
      tx,
      short.map((s) => s.skuId),
    );
    const failing = short.map((s) => ({ ...s, sku: codes.get(s.skuId) ?? String(s.skuId) }));
    throw new AppError(
      InventoryErrors.outOfStock,
      { sku: codes.get(first.skuId) ?? String(first.skuId), requested: first.requested, available: first.available },
      { field: 'lines', warehouseId: input.warehouseId, lines: failing },
    );
  }
  await postMovements(
    tx,
    input.userId,
    lines.map((line) => ({
      warehouseId: input.warehouseId,
      skuId: line.skuId,
      kind: 'reservation',
      onHandDelta: 0,
      reservedDelta: line.quantity,
      orderId: input.orderId,
    })),
  );
}

/** Releases whatever the order still holds reserved, in every warehouse; calling it again finds nothing left and does nothing. */
export async function releaseReservation(tx: Tx, input: { orderId: number; userId: number; reason: string }): Promise<void> {
  const holdings = await orderHoldings(tx, input.orderId);
  const warehouseIds = [...new Set(holdings.map((h) => h.warehouseId))].sort((a, b) => a - b);
  for (const warehouseId of warehouseIds) {
    await lockLevels(
      tx,
      warehouseId,
      holdings.filter((h) => h.warehouseId === warehouseId).map((h) => h.skuId),
    );
    // Read again under the locks: a concurrent release or shipment of this order may have taken some already.
    const held = await orderHoldings(tx, input.orderId, warehouseId);
    await postMovements(
      tx,
      input.userId,
      held.map((h) => ({
        warehouseId,
        skuId: h.skuId,
        kind: 'release',
        onHandDelta: 0,
        reservedDelta: -h.quantity,
        orderId: input.orderId,
        note: input.reason,
      })),
    );
  }
}

export interface ShipInput {
  orderId: number;
  shipmentId: number;
  warehouseId: number;
  lines: StockLine[];
  userId: number;
}

/** OSB-3/4: reserved goods leave the warehouse; on hand and reserved both drop. Never more than the order holds there. */
export async function shipReserved(tx: Tx, input: ShipInput): Promise<void> {
  const lines = normalizeLines(input.lines);
  await lockLevels(
    tx,
    input.warehouseId,
    lines.map((l) => l.skuId),
  );
  const held = new Map((await orderHoldings(tx, input.orderId, input.warehouseId)).map((h) => [h.skuId, h.quantity]));
  const index = new Map(input.lines.map((line, i) => [line.skuId, i]));
  for (const line of lines) {
    const reserved = held.get(line.skuId) ?? 0;
    if (line.quantity > reserved) {
      const field = `lines[${index.get(line.skuId)}].quantity`;
      const codes = await skuCodesOf(tx, [line.skuId]);
      throw new AppError(
        InventoryErrors.shipExceedsReserved,
        { field, sku: codes.get(line.skuId) ?? String(line.skuId), requested: line.quantity, reserved },
        { field, skuId: line.skuId, requested: line.quantity, reserved },
      );
    }
  }
  await postMovements(
    tx,
    input.userId,
    lines.map((line) => ({
      warehouseId: input.warehouseId,
      skuId: line.skuId,
      kind: 'shipment',
      onHandDelta: -line.quantity,
      reservedDelta: -line.quantity,
      orderId: input.orderId,
      shipmentId: input.shipmentId,
    })),
  );
}

export interface Availability {
  onHand: number;
  reserved: number;
  available: number;
}

/** Stock of these SKUs in one warehouse, or summed over the active ones; every requested SKU has an entry (zero when never stocked). */
export async function availableStock(db: Executor, input: { warehouseId?: number; skuIds: number[] }): Promise<Map<number, Availability>> {
  const totals = await levelTotals(db, [...new Set(input.skuIds)], input.warehouseId);
  const result = new Map<number, Availability>(input.skuIds.map((id) => [id, { onHand: 0, reserved: 0, available: 0 }]));
  for (const t of totals) result.set(t.skuId, { onHand: t.onHand, reserved: t.reserved, available: t.onHand - t.reserved });
  return result;
}

/** What the order holds reserved right now, per warehouse and SKU. */
export function reservedForOrder(db: Executor, orderId: number): Promise<{ warehouseId: number; skuId: number; quantity: number }[]> {
  return orderHoldings(db, orderId);
}

/**
 * The warehouse an order ships from by default: the active one serving the
 * most specific geography of the account's path (most specific first, as
 * org's geographyPath gives it and price resolution ranks it), else the
 * central one. Among equals the oldest wins.
 */
export async function defaultWarehouseFor(db: Executor, geographyPath: number[]): Promise<number | null> {
  const candidates = await servingWarehouses(db, geographyPath);
  let best: { id: number; rank: number } | null = null;
  for (const candidate of candidates) {
    const onPath = candidate.geographyId === null ? -1 : geographyPath.indexOf(candidate.geographyId);
    if (candidate.kind !== 'central' && onPath < 0) continue;
    // A central warehouse off the path serves everyone, after every warehouse on it.
    const rank = onPath < 0 ? Number.POSITIVE_INFINITY : onPath;
    if (!best || rank < best.rank) best = { id: candidate.id, rank };
  }
  return best?.id ?? null;
}
