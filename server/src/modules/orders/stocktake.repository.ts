import { and, asc, count, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { DataScope } from '../../platform/access/principal.js';
import type { Executor } from '../../platform/db/database.js';
import { selectRows } from '../../platform/db/raw.js';
import { users } from '../org/index.js';
import { products, skus } from '../products/index.js';
import type { StocktakeStatus } from './inventory.enums.js';
import { stockLevels } from './stock.schema.js';
import { stocktakeLines, stocktakes } from './stocktake.schema.js';
import { warehouseScope } from './warehouse.repository.js';
import { warehouses } from './warehouse.schema.js';

export type StocktakeRow = typeof stocktakes.$inferSelect;
export type NewStocktake = typeof stocktakes.$inferInsert;

const lineStats = {
  lineCount: sql<number>`(SELECT count(*)::int FROM ${stocktakeLines} l WHERE l.stocktake_id = ${stocktakes.id})`,
  countedCount: sql<number>`(SELECT count(l.counted)::int FROM ${stocktakeLines} l WHERE l.stocktake_id = ${stocktakes.id})`,
  varianceCount: sql<number>`(SELECT count(*)::int FROM ${stocktakeLines} l
    WHERE l.stocktake_id = ${stocktakes.id} AND l.counted IS NOT NULL AND l.counted <> l.expected)`,
  varianceTotal: sql<number>`(SELECT coalesce(sum(l.counted - l.expected), 0)::int FROM ${stocktakeLines} l
    WHERE l.stocktake_id = ${stocktakes.id} AND l.counted IS NOT NULL)`,
};

function selectStocktakes(db: Executor) {
  return db
    .select({
      id: stocktakes.id,
      warehouseId: stocktakes.warehouseId,
      warehouseCode: warehouses.code,
      warehouseName: warehouses.name,
      status: stocktakes.status,
      note: stocktakes.note,
      openedBy: stocktakes.openedBy,
      openedByName: users.displayName,
      approvalId: stocktakes.approvalId,
      submittedAt: stocktakes.submittedAt,
      decidedAt: stocktakes.decidedAt,
      postedAt: stocktakes.postedAt,
      createdAt: stocktakes.createdAt,
      ...lineStats,
    })
    .from(stocktakes)
    .innerJoin(warehouses, eq(warehouses.id, stocktakes.warehouseId))
    .innerJoin(users, eq(users.id, stocktakes.openedBy));
}

export type StocktakeView = Awaited<ReturnType<typeof selectStocktakes>>[number];

export async function listStocktakes(
  db: Executor,
  scope: DataScope,
  filter: { warehouseId?: number; status?: StocktakeStatus },
  page: { limit: number; offset: number },
) {
  const conditions: (SQL | undefined)[] = [warehouseScope(scope)];
  if (filter.warehouseId) conditions.push(eq(stocktakes.warehouseId, filter.warehouseId));
  if (filter.status) conditions.push(eq(stocktakes.status, filter.status));
  const where = and(...conditions);
  const items = await selectStocktakes(db).where(where).orderBy(desc(stocktakes.id)).limit(page.limit).offset(page.offset);
  const [total] = await db
    .select({ n: count() })
    .from(stocktakes)
    .innerJoin(warehouses, eq(warehouses.id, stocktakes.warehouseId))
    .where(where);
  return { items, total: total?.n ?? 0 };
}

export async function findStocktake(db: Executor, scope: DataScope, id: number): Promise<StocktakeView | undefined> {
  const [row] = await selectStocktakes(db).where(and(eq(stocktakes.id, id), warehouseScope(scope)));
  return row;
}

export async function lockStocktake(db: Executor, id: number): Promise<StocktakeRow | undefined> {
  const [row] = await db.select().from(stocktakes).where(eq(stocktakes.id, id)).for('update');
  return row;
}

export async function findOpenStocktake(db: Executor, warehouseId: number): Promise<StocktakeRow | undefined> {
  const [row] = await db
    .select()
    .from(stocktakes)
    .where(and(eq(stocktakes.warehouseId, warehouseId), inArray(stocktakes.status, ['counting', 'submitted', 'returned'])));
  return row;
}

export async function insertStocktake(db: Executor, values: NewStocktake): Promise<StocktakeRow> {
  const [row] = await db.insert(stocktakes).values(values).returning();
  if (!row) throw new Error('stocktake insert returned nothing');
  return row;
}

export async function updateStocktake(db: Executor, id: number, values: Partial<NewStocktake>): Promise<StocktakeRow> {
  const [row] = await db
    .update(stocktakes)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(stocktakes.id, id))
    .returning();
  if (!row) throw new Error(`stocktake ${id} vanished`);
  return row;
}

/** Moves the stocktake only if it is still in one of `from`: a second delivery of the same decision finds nothing to do. */
export async function transitionStocktake(
  db: Executor,
  input: { id: number; approvalId: number; from: StocktakeStatus[]; values: Partial<NewStocktake> },
) {
  const before = await lockStocktake(db, input.id);
  if (!before || before.approvalId !== input.approvalId || !input.from.includes(before.status)) return null;
  const after = await updateStocktake(db, input.id, input.values);
  return { before, after };
}

/** The count sheet: one line per SKU the warehouse keeps, with what the books say at this moment. */
export async function snapshotLines(db: Executor, stocktakeId: number, warehouseId: number): Promise<number> {
  const rows = await selectRows<{ sku_id: string | number }>(
    db,
    sql`INSERT INTO ${stocktakeLines} (stocktake_id, sku_id, expected)
      SELECT ${stocktakeId}, sku_id, on_hand FROM ${stockLevels} WHERE warehouse_id = ${warehouseId}
      RETURNING sku_id`,
  );
  return rows.length;
}

export function sheetLines(db: Executor, stocktakeId: number) {
  return db
    .select({
      skuId: stocktakeLines.skuId,
      skuCode: skus.code,
      skuName: skus.name,
      productName: products.name,
      baseUnit: skus.baseUnit,
      expected: stocktakeLines.expected,
      counted: stocktakeLines.counted,
      variance: sql<number | null>`(${stocktakeLines.counted} - ${stocktakeLines.expected})::int`,
      postedDelta: stocktakeLines.postedDelta,
    })
    .from(stocktakeLines)
    .innerJoin(skus, eq(skus.id, stocktakeLines.skuId))
    .innerJoin(products, eq(products.id, skus.productId))
    .where(eq(stocktakeLines.stocktakeId, stocktakeId))
    .orderBy(asc(skus.code));
}

export async function lineSkuIds(db: Executor, stocktakeId: number): Promise<Set<number>> {
  const rows = await db.select({ skuId: stocktakeLines.skuId }).from(stocktakeLines).where(eq(stocktakeLines.stocktakeId, stocktakeId));
  return new Set(rows.map((r) => r.skuId));
}

/** Bulk entry of counted quantities in one statement. */
export async function setCounts(db: Executor, stocktakeId: number, counts: { skuId: number; counted: number }[]): Promise<void> {
  if (counts.length === 0) return;
  const values = sql.join(
    counts.map((c) => sql`(${c.skuId}::bigint, ${c.counted}::int)`),
    sql`, `,
  );
  await db.execute(sql`UPDATE ${stocktakeLines} AS l SET counted = v.counted
    FROM (VALUES ${values}) AS v(sku_id, counted)
    WHERE l.stocktake_id = ${stocktakeId} AND l.sku_id = v.sku_id`);
}

export async function uncountedLines(db: Executor, stocktakeId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(stocktakeLines)
    .where(and(eq(stocktakeLines.stocktakeId, stocktakeId), isNull(stocktakeLines.counted)));
  return row?.n ?? 0;
}

/** Lines whose count differs from the books, in SKU order (the lock order). */
export async function varianceLines(db: Executor, stocktakeId: number) {
  const rows = await db
    .select({ skuId: stocktakeLines.skuId, expected: stocktakeLines.expected, counted: stocktakeLines.counted })
    .from(stocktakeLines)
    .where(and(eq(stocktakeLines.stocktakeId, stocktakeId), sql`${stocktakeLines.counted} <> ${stocktakeLines.expected}`))
    .orderBy(asc(stocktakeLines.skuId));
  return rows.map((r) => ({ skuId: r.skuId, expected: r.expected, counted: r.counted ?? r.expected }));
}

export async function setPostedDeltas(db: Executor, stocktakeId: number, posted: { skuId: number; delta: number }[]): Promise<void> {
  if (posted.length === 0) return;
  const values = sql.join(
    posted.map((p) => sql`(${p.skuId}::bigint, ${p.delta}::int)`),
    sql`, `,
  );
  await db.execute(sql`UPDATE ${stocktakeLines} AS l SET posted_delta = v.delta
    FROM (VALUES ${values}) AS v(sku_id, delta)
    WHERE l.stocktake_id = ${stocktakeId} AND l.sku_id = v.sku_id`);
}
