import { inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { notify } from '../../platform/notifications/index.js';
import { findSkus } from '../products/index.js';
import type { MovementKind } from './inventory.enums.js';
import { InventoryErrors } from './inventory.errors.js';
import { type LevelAfter, type LevelDelta, writeMovements } from './stock.repository.js';
import { warehouses } from './warehouse.schema.js';

/** One line of stock to move; quantities are whole base units. */
export interface StockLine {
  skuId: number;
  quantity: number;
}

export interface Movement {
  warehouseId: number;
  skuId: number;
  kind: MovementKind;
  onHandDelta: number;
  reservedDelta: number;
  orderId?: number | null;
  shipmentId?: number | null;
  stocktakeId?: number | null;
  note?: string | null;
}

/**
 * Checks lines given to the stock API and returns them sorted by SKU id (the
 * lock order). Errors name the offending field, e.g. lines[2].quantity.
 */
export function normalizeLines(lines: StockLine[], field = 'lines'): StockLine[] {
  const seen = new Set<number>();
  lines.forEach((line, index) => {
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
      throw new AppError(
        InventoryErrors.quantityInvalid,
        { field: `${field}[${index}].quantity` },
        { field: `${field}[${index}].quantity` },
      );
    }
    if (seen.has(line.skuId)) {
      throw new AppError(InventoryErrors.skuDuplicate, { field: `${field}[${index}].skuId` }, { field: `${field}[${index}].skuId` });
    }
    seen.add(line.skuId);
  });
  return [...lines].sort((a, b) => a.skuId - b.skuId);
}

export async function skuCodesOf(db: Executor, ids: number[]): Promise<Map<number, string>> {
  return new Map((await findSkus(db, ids)).map((s) => [s.id, s.code]));
}

/** The same (warehouse, SKU) twice in one upsert is an error in PostgreSQL, so deltas are summed first. */
function summed(movements: Movement[]): LevelDelta[] {
  const byKey = new Map<string, LevelDelta>();
  for (const m of movements) {
    const key = `${m.warehouseId}:${m.skuId}`;
    const known = byKey.get(key);
    if (known) {
      known.onHandDelta += m.onHandDelta;
      known.reservedDelta += m.reservedDelta;
    } else byKey.set(key, { warehouseId: m.warehouseId, skuId: m.skuId, onHandDelta: m.onHandDelta, reservedDelta: m.reservedDelta });
  }
  return [...byKey.values()].sort((a, b) => a.warehouseId - b.warehouseId || a.skuId - b.skuId);
}

/** Levels whose available quantity just fell below their minimum (not those already below it). */
function crossedMinimum(deltas: LevelDelta[], after: LevelAfter[]): LevelAfter[] {
  const byKey = new Map(deltas.map((d) => [`${d.warehouseId}:${d.skuId}`, d]));
  return after.filter((level) => {
    const delta = byKey.get(`${level.warehouseId}:${level.skuId}`);
    if (!delta || level.minStock <= 0) return false;
    const availableAfter = level.onHand - level.reserved;
    const availableBefore = availableAfter - (delta.onHandDelta - delta.reservedDelta);
    return availableAfter < level.minStock && availableBefore >= level.minStock;
  });
}

/** OSB-4 minimum-stock alert: the warehouse manager hears of it in the same transaction as the movement. */
async function alertManagers(db: Executor, levels: LevelAfter[]): Promise<void> {
  if (levels.length === 0) return;
  const ids = [...new Set(levels.map((l) => l.warehouseId))];
  const rows = await db
    .select({ id: warehouses.id, name: warehouses.name, managerUserId: warehouses.managerUserId })
    .from(warehouses)
    .where(inArray(warehouses.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const codes = await skuCodesOf(
    db,
    levels.map((l) => l.skuId),
  );
  await notify(
    db,
    levels.flatMap((level) => {
      const warehouse = byId.get(level.warehouseId);
      if (!warehouse?.managerUserId) return [];
      const sku = codes.get(level.skuId) ?? String(level.skuId);
      const available = level.onHand - level.reserved;
      return [
        {
          userId: warehouse.managerUserId,
          kind: 'inventory.belowMinimum',
          title: {
            'zh-CN': `${warehouse.name} ${sku} 可用库存 ${available}，低于最低库存 ${level.minStock}`,
            en: `${warehouse.name} ${sku}: ${available} available, below the minimum of ${level.minStock}`,
          },
          link: `/inventory/stock?warehouseId=${level.warehouseId}&skuId=${level.skuId}`,
        },
      ];
    }),
  );
}

/**
 * The only way stock changes: ledger rows and levels in the caller's
 * transaction, then alerts for levels that fell below their minimum.
 * Callers hold the level locks already when they checked availability.
 */
export async function postMovements(db: Executor, userId: number | null, movements: Movement[]): Promise<LevelAfter[]> {
  const moving = movements.filter((m) => m.onHandDelta !== 0 || m.reservedDelta !== 0);
  if (moving.length === 0) return [];
  const deltas = summed(moving);
  const after = await writeMovements(
    db,
    moving.map((m) => ({
      warehouseId: m.warehouseId,
      skuId: m.skuId,
      kind: m.kind,
      onHandDelta: m.onHandDelta,
      reservedDelta: m.reservedDelta,
      orderId: m.orderId ?? null,
      shipmentId: m.shipmentId ?? null,
      stocktakeId: m.stocktakeId ?? null,
      note: m.note ?? null,
      userId,
    })),
    deltas,
  );
  await alertManagers(db, crossedMinimum(deltas, after));
  return after;
}
