import { and, asc, count, desc, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { containsPattern } from '../../platform/db/like.js';
import { geographies } from '../org/index.js';
import { priceListItems, priceLists } from './price-list.schema.js';
import type { PriceListStatus } from './products.enums.js';
import { products, skus } from './products.schema.js';

export type PriceListRow = typeof priceLists.$inferSelect;
export type NewPriceList = typeof priceLists.$inferInsert;
export type PriceListItemRow = typeof priceListItems.$inferSelect;

export interface PriceListFilter {
  id?: number;
  keyword?: string;
  status?: PriceListStatus;
  accountKind?: string;
  geographyId?: number;
  /** Lists valid on this Shanghai day. */
  validOn?: string;
}

export async function listPriceLists(db: Executor, filter: PriceListFilter, page: { limit: number; offset: number }) {
  const conditions: (SQL | undefined)[] = [];
  if (filter.id) conditions.push(eq(priceLists.id, filter.id));
  if (filter.status) conditions.push(eq(priceLists.status, filter.status));
  if (filter.accountKind) conditions.push(eq(priceLists.accountKind, filter.accountKind));
  if (filter.geographyId) conditions.push(eq(priceLists.geographyId, filter.geographyId));
  if (filter.keyword)
    conditions.push(or(ilike(priceLists.code, containsPattern(filter.keyword)), ilike(priceLists.name, containsPattern(filter.keyword))));
  if (filter.validOn) {
    conditions.push(
      sql`${priceLists.validFrom} <= ${filter.validOn}::date AND (${priceLists.validTo} IS NULL OR ${priceLists.validTo} >= ${filter.validOn}::date)`,
    );
  }
  const where = and(...conditions);
  const itemCounts = db
    .select({ priceListId: priceListItems.priceListId, n: count().as('n') })
    .from(priceListItems)
    .groupBy(priceListItems.priceListId)
    .as('item_counts');
  const items = await db
    .select({
      id: priceLists.id,
      code: priceLists.code,
      name: priceLists.name,
      accountKind: priceLists.accountKind,
      geographyId: priceLists.geographyId,
      geographyName: geographies.name,
      validFrom: priceLists.validFrom,
      validTo: priceLists.validTo,
      priority: priceLists.priority,
      status: priceLists.status,
      note: priceLists.note,
      itemCount: sql<number>`COALESCE(${itemCounts.n}, 0)`.mapWith(Number),
      createdAt: priceLists.createdAt,
      updatedAt: priceLists.updatedAt,
    })
    .from(priceLists)
    .leftJoin(geographies, eq(geographies.id, priceLists.geographyId))
    .leftJoin(itemCounts, eq(itemCounts.priceListId, priceLists.id))
    .where(where)
    .orderBy(asc(priceLists.status), desc(priceLists.validFrom), asc(priceLists.code))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(priceLists).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function lockPriceList(db: Executor, id: number): Promise<PriceListRow | null> {
  const [row] = await db.select().from(priceLists).where(eq(priceLists.id, id)).for('update');
  return row ?? null;
}

export async function priceListCodeOwner(db: Executor, code: string): Promise<number | null> {
  const [row] = await db.select({ id: priceLists.id }).from(priceLists).where(eq(priceLists.code, code));
  return row?.id ?? null;
}

export async function geographyExists(db: Executor, id: number): Promise<boolean> {
  const [row] = await db.select({ id: geographies.id }).from(geographies).where(eq(geographies.id, id));
  return Boolean(row);
}

/**
 * PRD-2: a list that would compete with the given one on equal terms (same
 * kind, geography and priority, not archived) over at least one shared day.
 */
export async function findOverlappingList(
  db: Executor,
  list: {
    id?: number;
    accountKind: string | null;
    geographyId: number | null;
    priority: number;
    validFrom: string;
    validTo: string | null;
  },
): Promise<PriceListRow | null> {
  const [row] = await db
    .select()
    .from(priceLists)
    .where(
      and(
        list.id ? ne(priceLists.id, list.id) : undefined,
        ne(priceLists.status, 'archived'),
        sql`${priceLists.accountKind} IS NOT DISTINCT FROM ${list.accountKind}::text`,
        sql`${priceLists.geographyId} IS NOT DISTINCT FROM ${list.geographyId}::bigint`,
        eq(priceLists.priority, list.priority),
        sql`${priceLists.validFrom} <= COALESCE(${list.validTo}::date, 'infinity'::date)`,
        sql`${list.validFrom}::date <= COALESCE(${priceLists.validTo}, 'infinity'::date)`,
      ),
    )
    .orderBy(asc(priceLists.validFrom))
    .limit(1);
  return row ?? null;
}

export async function insertPriceList(db: Executor, values: NewPriceList): Promise<PriceListRow> {
  const [row] = await db.insert(priceLists).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updatePriceListRow(db: Executor, id: number, values: Partial<NewPriceList>): Promise<PriceListRow> {
  const [row] = await db
    .update(priceLists)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(priceLists.id, id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

export async function deletePriceListRow(db: Executor, id: number): Promise<void> {
  await db.delete(priceLists).where(eq(priceLists.id, id));
}

/** The items of one list with their SKU and product, for the editable items table. */
export async function listPriceListItems(
  db: Executor,
  priceListId: number,
  filter: { keyword?: string },
  page: { limit: number; offset: number },
) {
  const conditions: (SQL | undefined)[] = [eq(priceListItems.priceListId, priceListId)];
  if (filter.keyword) {
    const pattern = containsPattern(filter.keyword);
    conditions.push(or(ilike(skus.code, pattern), ilike(skus.name, pattern), ilike(products.name, pattern)));
  }
  const where = and(...conditions);
  const items = await db
    .select({
      skuId: priceListItems.skuId,
      skuCode: skus.code,
      skuName: skus.name,
      productName: products.name,
      baseUnit: skus.baseUnit,
      caseUnit: skus.caseUnit,
      unitsPerCase: skus.unitsPerCase,
      unitPriceFen: priceListItems.unitPriceFen,
      floorPriceFen: priceListItems.floorPriceFen,
    })
    .from(priceListItems)
    .innerJoin(skus, eq(skus.id, priceListItems.skuId))
    .innerJoin(products, eq(products.id, skus.productId))
    .where(where)
    .orderBy(asc(skus.code))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db
    .select({ n: count() })
    .from(priceListItems)
    .innerJoin(skus, eq(skus.id, priceListItems.skuId))
    .innerJoin(products, eq(products.id, skus.productId))
    .where(where);
  return { items, total: total?.n ?? 0 };
}

/** The codes of the SKUs that exist among the ids. */
export async function skuCodes(db: Executor, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: skus.id, code: skus.code }).from(skus).where(inArray(skus.id, ids));
  return new Map(rows.map((r) => [r.id, r.code]));
}

export async function findItems(db: Executor, priceListId: number, skuIds: number[]): Promise<PriceListItemRow[]> {
  if (skuIds.length === 0) return [];
  return db
    .select()
    .from(priceListItems)
    .where(and(eq(priceListItems.priceListId, priceListId), inArray(priceListItems.skuId, skuIds)));
}

/** One multi-row statement for the whole batch (DESIGN: bulk writes). */
export async function upsertItems(db: Executor, rows: PriceListItemRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(priceListItems)
    .values(rows)
    .onConflictDoUpdate({
      target: [priceListItems.priceListId, priceListItems.skuId],
      set: { unitPriceFen: sql`excluded.unit_price_fen`, floorPriceFen: sql`excluded.floor_price_fen` },
    });
}

export async function deleteItem(db: Executor, priceListId: number, skuId: number): Promise<PriceListItemRow | null> {
  const [row] = await db
    .delete(priceListItems)
    .where(and(eq(priceListItems.priceListId, priceListId), eq(priceListItems.skuId, skuId)))
    .returning();
  return row ?? null;
}

export async function priceListNames(db: Executor, ids: number[]) {
  if (ids.length === 0) return new Map<number, { code: string; name: string }>();
  const rows = await db
    .select({ id: priceLists.id, code: priceLists.code, name: priceLists.name })
    .from(priceLists)
    .where(inArray(priceLists.id, ids));
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}
