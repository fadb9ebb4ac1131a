import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt } from '../../platform/db/columns.js';
import { productStatuses, skuStatuses } from './products.enums.js';

/** PRD-1 品类: a tree of product categories. */
export const productCategories = pgTable(
  'product_categories',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    parentId: ref('parent_id').references((): AnyPgColumn => productCategories.id),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('product_categories_code_key').on(t.code), index('product_categories_parent_idx').on(t.parentId, t.sort)],
);

/** PRD-1: a product as marketed; what is sold and stocked are its SKUs. */
export const products = pgTable(
  'products',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    categoryId: ref('category_id')
      .notNull()
      .references(() => productCategories.id),
    brand: text('brand'),
    description: text('description'),
    status: text('status', { enum: productStatuses }).notNull().default('draft'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('products_code_key').on(t.code),
    index('products_category_idx').on(t.categoryId, t.id),
    index('products_status_idx').on(t.status, t.id),
  ],
);

/**
 * PRD-1 SKU: one sellable item with its packs. Every quantity in the system
 * is an integer count of `base_unit`; a case holds `units_per_case` of them.
 */
export const skus = pgTable(
  'skus',
  {
    id: id(),
    code: text('code').notNull(),
    productId: ref('product_id')
      .notNull()
      .references(() => products.id),
    /** 规格, e.g. "500ml". */
    name: text('name').notNull(),
    barcode: text('barcode'),
    baseUnit: text('base_unit').notNull(),
    caseUnit: text('case_unit'),
    unitsPerCase: integer('units_per_case').notNull().default(1),
    /** Batch or unit codes are recorded at shipment (OSB-3 traceability). */
    tracksCodes: boolean('tracks_codes').notNull().default(false),
    status: text('status', { enum: skuStatuses }).notNull().default('draft'),
    /** In base units; null = no minimum. */
    minOrderQuantity: integer('min_order_quantity'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('skus_code_key').on(t.code),
    uniqueIndex('skus_barcode_key').on(t.barcode),
    index('skus_product_idx').on(t.productId, t.id),
    check('skus_units_per_case_check', sql`${t.unitsPerCase} >= 1`),
    check('skus_min_order_check', sql`${t.minOrderQuantity} IS NULL OR ${t.minOrderQuantity} >= 1`),
  ],
);
