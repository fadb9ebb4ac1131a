import { asc, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { selectRows } from '../../platform/db/raw.js';
import { productCategories, products } from './products.schema.js';

export type CategoryRow = typeof productCategories.$inferSelect;
export type NewCategory = typeof productCategories.$inferInsert;

/** The whole category tree (a few dozen rows) with product counts, in one query. */
export async function listCategories(db: Executor) {
  const counts = db
    .select({ categoryId: products.categoryId, n: count().as('n') })
    .from(products)
    .groupBy(products.categoryId)
    .as('counts');
  return db
    .select({
      id: productCategories.id,
      code: productCategories.code,
      name: productCategories.name,
      parentId: productCategories.parentId,
      sort: productCategories.sort,
      active: productCategories.active,
      productCount: sql<number>`COALESCE(${counts.n}, 0)`.mapWith(Number),
    })
    .from(productCategories)
    .leftJoin(counts, eq(counts.categoryId, productCategories.id))
    .orderBy(asc(productCategories.sort), asc(productCategories.code));
}

export async function findCategory(db: Executor, id: number): Promise<CategoryRow | null> {
  const [row] = await db.select().from(productCategories).where(eq(productCategories.id, id));
  return row ?? null;
}

export async function lockCategory(db: Executor, id: number): Promise<CategoryRow | null> {
  const [row] = await db.select().from(productCategories).where(eq(productCategories.id, id)).for('update');
  return row ?? null;
}

export async function categoryCodeOwner(db: Executor, code: string): Promise<number | null> {
  const [row] = await db.select({ id: productCategories.id }).from(productCategories).where(eq(productCategories.code, code));
  return row?.id ?? null;
}

export async function insertCategory(db: Executor, values: NewCategory): Promise<CategoryRow> {
  const [row] = await db.insert(productCategories).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateCategoryRow(db: Executor, id: number, values: Partial<NewCategory>): Promise<CategoryRow> {
  const [row] = await db
    .update(productCategories)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(productCategories.id, id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

export async function deleteCategoryRow(db: Executor, id: number): Promise<void> {
  await db.delete(productCategories).where(eq(productCategories.id, id));
}

/** A category and all categories below it, for filters that include subcategories. */
export async function categoryWithDescendants(db: Executor, id: number): Promise<number[]> {
  const rows = await selectRows<{ id: string | number }>(
    db,
    sql`WITH RECURSIVE sub AS (
      SELECT id FROM product_categories WHERE id = ${id}
      UNION SELECT c.id FROM product_categories c JOIN sub ON c.parent_id = sub.id)
    SELECT id FROM sub`,
  );
  return rows.map((r) => Number(r.id));
}
