import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt } from '../../platform/db/columns.js';
import { users } from '../org/index.js';
import { skus } from '../products/index.js';
import { movementKinds } from './inventory.enums.js';
import { warehouses } from './warehouse.schema.js';

/**
 * OSB-4 stock of one SKU in one warehouse, in base units. It is the running
 * sum of the ledger below, kept beside it so that a reservation locks one row;
 * the CHECKs make overselling impossible even for a buggy caller.
 */
export const stockLevels = pgTable(
  'stock_levels',
  {
    warehouseId: ref('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    skuId: ref('sku_id')
      .notNull()
      .references(() => skus.id),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    /** Below this many available units the warehouse manager is told; 0 = no minimum. */
    minStock: integer('min_stock').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'stock_levels_pkey', columns: [t.warehouseId, t.skuId] }),
    index('stock_levels_sku_idx').on(t.skuId),
    // The below-minimum list: few rows, read often by logistics.
    index('stock_levels_below_min_idx')
      .on(t.warehouseId, t.skuId)
      .where(sql`${t.minStock} > 0 AND ${t.onHand} - ${t.reserved} < ${t.minStock}`),
    check('stock_levels_on_hand_check', sql`${t.onHand} >= 0`),
    check('stock_levels_reserved_check', sql`${t.reserved} >= 0 AND ${t.reserved} <= ${t.onHand}`),
    check('stock_levels_min_stock_check', sql`${t.minStock} >= 0`),
  ],
);

/**
 * OSB-4 append-only stock ledger: every change of on_hand or reserved is one
 * row here, written in the same transaction as the level it moves. Order,
 * shipment and stocktake ids are plain integers: those tables belong to other
 * parts of the module and the ledger must outlive their rows.
 */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: id(),
    warehouseId: ref('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    skuId: ref('sku_id')
      .notNull()
      .references(() => skus.id),
    kind: text('kind', { enum: movementKinds }).notNull(),
    onHandDelta: integer('on_hand_delta').notNull(),
    reservedDelta: integer('reserved_delta').notNull(),
    orderId: ref('order_id'),
    shipmentId: ref('shipment_id'),
    stocktakeId: ref('stocktake_id'),
    note: text('note'),
    userId: ref('user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    // Ledger of one SKU in one warehouse, newest first, keyset-paged by id.
    index('stock_movements_ledger_idx').on(t.warehouseId, t.skuId, t.id),
    index('stock_movements_order_idx').on(t.orderId).where(sql`${t.orderId} IS NOT NULL`),
    check('stock_movements_nonzero_check', sql`${t.onHandDelta} <> 0 OR ${t.reservedDelta} <> 0`),
  ],
);
