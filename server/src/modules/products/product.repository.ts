import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { containsPattern } from '../../platform/db/like.js';
import type { ProductStatus, SkuStatus } from './products.enums.js';
import { productCategories, products, skus } from './products.schema.js';

export type ProductRow = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;
export type SkuRow = typeof skus.$inferSelect;
export type NewSku = typeof skus.$inferInsert;

export interface ProductFilter {
  id?: number;
  keyword?: string;
  categoryIds?: number[];
  status?: ProductStatus;
}

function productConditions(filter: ProductFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.id) conditions.push(eq(products.id, filter.id));
  if (filter.categoryIds) conditions.push(inArray(products.categoryId, filter.categoryIds));
  if (filter.status) conditions.push(eq(products.status, filter.status));
  if (filter.keyword) {
    const pattern = containsPattern(filter.keyword);
    conditions.push(
      or(
        ilike(products.code, pattern),
        ilike(products.name, pattern),
        sql`EXISTS (SELECT 1 FROM ${skus} WHERE ${skus.productId} = ${products.id}
          AND (${skus.code} ILIKE ${pattern} OR ${skus.name} ILIKE ${pattern} OR ${skus.barcode} = ${filter.keyword}))`,
      ),
    );
  }
  return and(...conditions);
}

const skuColumns = {
  id: skus.id,
  code: skus.code,
  productId: skus.productId,
  name: skus.name,
  barcode: skus.barcode,
  baseUnit: skus.baseUnit,
  caseUnit: skus.caseUnit,
  unitsPerCase: skus.unitsPerCase,
  tracksCodes: skus.tracksCodes,
  status: skus.status,
  minOrderQuantity: skus.minOrderQuantity,
  createdAt: skus.createdAt,
  updatedAt: skus.updatedAt,
};

/** PRD-1 catalog page: products with their category and SKUs, two queries per page whatever its size. */
export async function listProducts(db: Executor, filter: ProductFilter, page: { limit: number; offset: number }) {
  const where = productConditions(filter);
  const rows = await db
    .select({
      id: products.id,
      code: products.code,
      name: products.name,
      categoryId: products.categoryId,
      categoryName: productCategories.name,
      brand: products.brand,
      description: products.description,
      status: products.status,
      createdAt: products.createdAt,
      updatedAt: products.updatedAt,
    })
    .from(products)
    .innerJoin(productCategories, eq(productCategories.id, products.categoryId))
    .where(where)
    .orderBy(asc(products.code))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(products).where(where);
  const ids = rows.map((r) => r.id);
  const skuRows =
    ids.length === 0 ? [] : await db.select(skuColumns).from(skus).where(inArray(skus.productId, ids)).orderBy(asc(skus.code));
  const byProduct = new Map<number, typeof skuRows>();
  for (const sku of skuRows) byProduct.set(sku.productId, [...(byProduct.get(sku.productId) ?? []), sku]);
  return { items: rows.map((r) => ({ ...r, skus: byProduct.get(r.id) ?? [] })), total: total?.n ?? 0 };
}

export interface SkuFilter {
  keyword?: string;
  productId?: number;
  categoryIds?: number[];
  status?: SkuStatus;
}

/** SKU picker of order entry and price lists: code, spec, barcode or product name. */
export async function listSkus(db: Executor, filter: SkuFilter, page: { limit: number; offset: number }) {
  const conditions: (SQL | undefined)[] = [];
  if (filter.productId) conditions.push(eq(skus.productId, filter.productId));
  if (filter.categoryIds) conditions.push(inArray(products.categoryId, filter.categoryIds));
  if (filter.status) conditions.push(eq(skus.status, filter.status));
  if (filter.keyword) {
    const pattern = containsPattern(filter.keyword);
    conditions.push(
      or(ilike(skus.code, pattern), ilike(skus.name, pattern), eq(skus.barcode, filter.keyword), ilike(products.name, pattern)),
    );
  }
  const where = and(...conditions);
  const items = await db
    .select({ ...skuColumns, productCode: products.code, productName: products.name, categoryId: products.categoryId })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(where)
    .orderBy(asc(skus.code))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(skus).innerJoin(products, eq(products.id, skus.productId)).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function lockProduct(db: Executor, id: number): Promise<ProductRow | null> {
  const [row] = await db.select().from(products).where(eq(products.id, id)).for('update');
  return row ?? null;
}

export async function productCodeOwner(db: Executor, code: string): Promise<number | null> {
  const [row] = await db.select({ id: products.id }).from(products).where(eq(products.code, code));
  return row?.id ?? null;
}

export async function insertProduct(db: Executor, values: NewProduct): Promise<ProductRow> {
  const [row] = await db.insert(products).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateProductRow(db: Executor, id: number, values: Partial<NewProduct>): Promise<ProductRow> {
  const [row] = await db
    .update(products)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(products.id, id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

export async function deleteProductRow(db: Executor, id: number): Promise<void> {
  await db.delete(products).where(eq(products.id, id));
}

export async function lockSku(db: Executor, id: number): Promise<SkuRow | null> {
  const [row] = await db.select().from(skus).where(eq(skus.id, id)).for('update');
  return row ?? null;
}

export async function skuOwnerOf(db: Executor, column: 'code' | 'barcode', value: string): Promise<number | null> {
  const [row] = await db
    .select({ id: skus.id })
    .from(skus)
    .where(eq(column === 'code' ? skus.code : skus.barcode, value));
  return row?.id ?? null;
}

export async function insertSku(db: Executor, values: NewSku): Promise<SkuRow> {
  const [row] = await db.insert(skus).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateSkuRow(db: Executor, id: number, values: Partial<NewSku>): Promise<SkuRow> {
  const [row] = await db
    .update(skus)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(skus.id, id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

export async function deleteSkuRow(db: Executor, id: number): Promise<void> {
  await db.delete(skus).where(eq(skus.id, id));
}
