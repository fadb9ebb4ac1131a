import { and, asc, count, desc, eq, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DataScope } from '../../platform/access/principal.js';
import type { Executor } from '../../platform/db/database.js';
import { containsPattern } from '../../platform/db/like.js';
import { selectRows } from '../../platform/db/raw.js';
import { users } from '../org/index.js';
import { products, skus } from '../products/index.js';
import { stockLevels, stockMovements } from './stock.schema.js';
import { warehouseScope } from './warehouse.repository.js';
import { warehouses } from './warehouse.schema.js';

export type StockLevelRow = typeof stockLevels.$inferSelect;
export type NewMovement = typeof stockMovements.$inferInsert;

export interface LevelDelta {
  warehouseId: number;
  skuId: number;
  onHandDelta: number;
  reservedDelta: number;
}

export interface LevelAfter {
  warehouseId: number;
  skuId: number;
  onHand: number;
  reserved: number;
  minStock: number;
}

/**
 * Locks the stock rows of these SKUs in one warehouse, in ascending sku_id
 * order: every writer takes its locks in that one order, so two orders over
 * the same SKUs wait for each other instead of deadlocking. Missing rows hold nothing.
 */
export async function lockLevels(db: Executor, warehouseId: number, skuIds: number[]): Promise<Map<number, StockLevelRow>> {
  if (skuIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(stockLevels)
    .where(and(eq(stockLevels.warehouseId, warehouseId), inArray(stockLevels.skuId, skuIds)))
    .orderBy(asc(stockLevels.skuId))
    .for('update');
  return new Map(rows.map((r) => [r.skuId, r]));
}

type LevelRowRaw = { warehouse_id: string | number; sku_id: string | number; on_hand: number; reserved: number; min_stock: number };

const levelAfter = (r: LevelRowRaw): LevelAfter => ({
  warehouseId: Number(r.warehouse_id),
  skuId: Number(r.sku_id),
  onHand: Number(r.on_hand),
  reserved: Number(r.reserved),
  minStock: Number(r.min_stock),
});

const deltaValues = (deltas: LevelDelta[]) =>
  sql.join(
    deltas.map((d) => sql`(${d.warehouseId}::bigint, ${d.skuId}::bigint, ${d.onHandDelta}::int, ${d.reservedDelta}::int)`),
    sql`, `,
  );

/**
 * Appends the ledger rows and moves the levels by their summed deltas in one
 * statement, returning the levels as they are now: one UPDATE for the rows
 * that exist; a row appears on its first receipt. The table's CHECKs refuse
 * any result below zero, so even a caller that skipped its checks cannot oversell.
 */
export async function writeMovements(db: Executor, ledger: NewMovement[], deltas: LevelDelta[]): Promise<LevelAfter[]> {
  if (ledger.length === 0) return [];
  const updated = (
    await selectRows<LevelRowRaw>(
      db,
      sql`WITH ledger AS (${db.insert(stockMovements).values(ledger).getSQL()})
        UPDATE ${stockLevels} AS s SET on_hand = s.on_hand + v.on_hand, reserved = s.reserved + v.reserved, updated_at = now()
        FROM (VALUES ${deltaValues(deltas)}) AS v(warehouse_id, sku_id, on_hand, reserved)
        WHERE s.warehouse_id = v.warehouse_id AND s.sku_id = v.sku_id
        RETURNING s.warehouse_id, s.sku_id, s.on_hand, s.reserved, s.min_stock`,
    )
  ).map(levelAfter);
  const done = new Set(updated.map((l) => `${l.warehouseId}:${l.skuId}`));
  const missing = deltas.filter((d) => !done.has(`${d.warehouseId}:${d.skuId}`));
  if (missing.length === 0) return updated;
  // New rows: a concurrent first receipt of the same SKU may insert first, hence the upsert.
  const inserted = await selectRows<LevelRowRaw>(
    db,
    sql`INSERT INTO ${stockLevels} (warehouse_id, sku_id, on_hand, reserved) VALUES ${deltaValues(missing)}
      ON CONFLICT (warehouse_id, sku_id) DO UPDATE SET
        on_hand = ${stockLevels}.on_hand + excluded.on_hand,
        reserved = ${stockLevels}.reserved + excluded.reserved,
        updated_at = now()
      RETURNING warehouse_id, sku_id, on_hand, reserved, min_stock`,
  );
  return [...updated, ...inserted.map(levelAfter)];
}

/** What an order still holds reserved, per warehouse and SKU (reservations minus releases and shipments). */
export async function orderHoldings(db: Executor, orderId: number, warehouseId?: number) {
  const held = sql<number>`sum(${stockMovements.reservedDelta})::int`;
  const rows = await db
    .select({ warehouseId: stockMovements.warehouseId, skuId: stockMovements.skuId, quantity: held })
    .from(stockMovements)
    .where(and(eq(stockMovements.orderId, orderId), warehouseId === undefined ? undefined : eq(stockMovements.warehouseId, warehouseId)))
    .groupBy(stockMovements.warehouseId, stockMovements.skuId)
    .having(sql`sum(${stockMovements.reservedDelta}) > 0`)
    .orderBy(asc(stockMovements.warehouseId), asc(stockMovements.skuId));
  return rows.map((r) => ({ warehouseId: r.warehouseId, skuId: r.skuId, quantity: Number(r.quantity) }));
}

/** On hand and reserved per SKU, in one warehouse or summed over the active ones. */
export async function levelTotals(db: Executor, skuIds: number[], warehouseId?: number) {
  if (skuIds.length === 0) return [];
  const where =
    warehouseId === undefined
      ? and(inArray(stockLevels.skuId, skuIds), eq(warehouses.active, true))
      : and(inArray(stockLevels.skuId, skuIds), eq(stockLevels.warehouseId, warehouseId));
  const rows = await db
    .select({
      skuId: stockLevels.skuId,
      onHand: sql<number>`sum(${stockLevels.onHand})::int`,
      reserved: sql<number>`sum(${stockLevels.reserved})::int`,
    })
    .from(stockLevels)
    .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
    .where(where)
    .groupBy(stockLevels.skuId);
  return rows.map((r) => ({ skuId: r.skuId, onHand: Number(r.onHand), reserved: Number(r.reserved) }));
}

export interface StockFilter {
  warehouseId?: number;
  skuId?: number;
  keyword?: string;
  belowMinimum?: boolean;
}

export const stockSortColumns = {
  sku: skus.code,
  onHand: stockLevels.onHand,
  available: sql`(${stockLevels.onHand} - ${stockLevels.reserved})`,
  updatedAt: stockLevels.updatedAt,
} as const;
export type StockSort = keyof typeof stockSortColumns;

/** Available below the minimum; mirrors the partial index stock_levels_below_min_idx. */
const belowMinimum = sql`${stockLevels.minStock} > 0 AND ${stockLevels.onHand} - ${stockLevels.reserved} < ${stockLevels.minStock}`;

export async function listStock(
  db: Executor,
  scope: DataScope,
  filter: StockFilter,
  page: { limit: number; offset: number; sort: StockSort; order: 'asc' | 'desc' },
) {
  const conditions: (SQL | undefined)[] = [warehouseScope(scope)];
  if (filter.warehouseId) conditions.push(eq(stockLevels.warehouseId, filter.warehouseId));
  if (filter.skuId) conditions.push(eq(stockLevels.skuId, filter.skuId));
  if (filter.belowMinimum) conditions.push(belowMinimum);
  if (filter.keyword) {
    const pattern = containsPattern(filter.keyword);
    conditions.push(or(ilike(skus.code, pattern), ilike(skus.name, pattern), ilike(products.name, pattern)));
  }
  const where = and(...conditions);
  const direction = page.order === 'asc' ? asc : desc;
  const items = await db
    .select({
      warehouseId: stockLevels.warehouseId,
      warehouseCode: warehouses.code,
      warehouseName: warehouses.name,
      skuId: stockLevels.skuId,
      skuCode: skus.code,
      skuName: skus.name,
      productName: products.name,
      baseUnit: skus.baseUnit,
      onHand: stockLevels.onHand,
      reserved: stockLevels.reserved,
      available: sql<number>`(${stockLevels.onHand} - ${stockLevels.reserved})::int`,
      minStock: stockLevels.minStock,
      belowMinimum: sql<boolean>`(${belowMinimum})`,
      updatedAt: stockLevels.updatedAt,
    })
    .from(stockLevels)
    .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
    .innerJoin(skus, eq(skus.id, stockLevels.skuId))
    .innerJoin(products, eq(products.id, skus.productId))
    .where(where)
    .orderBy(direction(stockSortColumns[page.sort]), asc(warehouses.code), asc(skus.code))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db
    .select({ n: count() })
    .from(stockLevels)
    .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
    .innerJoin(skus, eq(skus.id, stockLevels.skuId))
    .innerJoin(products, eq(products.id, skus.productId))
    .where(where);
  return { items: items.map((i) => ({ ...i, available: Number(i.available) })), total: total?.n ?? 0 };
}

export async function findLevel(db: Executor, warehouseId: number, skuId: number): Promise<StockLevelRow | undefined> {
  const [row] = await db
    .select()
    .from(stockLevels)
    .where(and(eq(stockLevels.warehouseId, warehouseId), eq(stockLevels.skuId, skuId)));
  return row;
}

/** Sets the minimum of one SKU in one warehouse, creating the (empty) level row when the SKU was never stocked there. */
export async function upsertMinStock(db: Executor, warehouseId: number, skuId: number, minStock: number): Promise<StockLevelRow> {
  const [row] = await db
    .insert(stockLevels)
    .values({ warehouseId, skuId, minStock })
    .onConflictDoUpdate({ target: [stockLevels.warehouseId, stockLevels.skuId], set: { minStock, updatedAt: new Date() } })
    .returning();
  if (!row) throw new Error('min stock upsert returned nothing');
  return row;
}

/** The ledger of one SKU in one warehouse, newest first, keyset-paged on the movement id. */
export async function ledgerPage(db: Executor, filter: { warehouseId: number; skuId: number; before?: number; limit: number }) {
  const rows = await db
    .select({
      id: stockMovements.id,
      kind: stockMovements.kind,
      onHandDelta: stockMovements.onHandDelta,
      reservedDelta: stockMovements.reservedDelta,
      orderId: stockMovements.orderId,
      shipmentId: stockMovements.shipmentId,
      stocktakeId: stockMovements.stocktakeId,
      note: stockMovements.note,
      userId: stockMovements.userId,
      userName: users.displayName,
      createdAt: stockMovements.createdAt,
    })
    .from(stockMovements)
    .leftJoin(users, eq(users.id, stockMovements.userId))
    .where(
      and(
        eq(stockMovements.warehouseId, filter.warehouseId),
        eq(stockMovements.skuId, filter.skuId),
        filter.before === undefined ? undefined : lt(stockMovements.id, filter.before),
      ),
    )
    .orderBy(desc(stockMovements.id))
    .limit(filter.limit + 1);
  const items = rows.slice(0, filter.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > filter.limit && last ? last.id : null };
}

export interface LedgerMismatch {
  warehouseId: number;
  skuId: number;
  onHand: number;
  reserved: number;
  ledgerOnHand: number;
  ledgerReserved: number;
}

/** Every level that differs from the sum of its ledger (a level without movements counts as zero, and vice versa). */
export async function ledgerMismatches(db: Executor): Promise<LedgerMismatch[]> {
  const rows = await selectRows<Record<string, string | number>>(
    db,
    sql`WITH ledger AS (
        SELECT warehouse_id, sku_id, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved
        FROM ${stockMovements} GROUP BY warehouse_id, sku_id)
      SELECT coalesce(s.warehouse_id, l.warehouse_id) AS warehouse_id, coalesce(s.sku_id, l.sku_id) AS sku_id,
        coalesce(s.on_hand, 0) AS on_hand, coalesce(s.reserved, 0) AS reserved,
        coalesce(l.on_hand, 0) AS ledger_on_hand, coalesce(l.reserved, 0) AS ledger_reserved
      FROM ${stockLevels} s FULL JOIN ledger l ON l.warehouse_id = s.warehouse_id AND l.sku_id = s.sku_id
      WHERE coalesce(s.on_hand, 0) <> coalesce(l.on_hand, 0) OR coalesce(s.reserved, 0) <> coalesce(l.reserved, 0)
      ORDER BY 1, 2
      LIMIT 1000`,
  );
  return rows.map((r) => ({
    warehouseId: Number(r.warehouse_id),
    skuId: Number(r.sku_id),
    onHand: Number(r.on_hand),
    reserved: Number(r.reserved),
    ledgerOnHand: Number(r.ledger_on_hand),
    ledgerReserved: Number(r.ledger_reserved),
  }));
}

/** Orders whose ledger says they hold a negative quantity: released or shipped more than they reserved. */
export async function overdrawnOrders(db: Executor) {
  const rows = await selectRows<Record<string, string | number>>(
    db,
    sql`SELECT order_id, warehouse_id, sku_id, sum(reserved_delta) AS held FROM ${stockMovements}
      WHERE order_id IS NOT NULL GROUP BY order_id, warehouse_id, sku_id HAVING sum(reserved_delta) < 0
      ORDER BY 1, 2, 3 LIMIT 1000`,
  );
  return rows.map((r) => ({
    orderId: Number(r.order_id),
    warehouseId: Number(r.warehouse_id),
    skuId: Number(r.sku_id),
    held: Number(r.held),
  }));
}
