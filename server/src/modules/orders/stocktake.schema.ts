import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt } from '../../platform/db/columns.js';
import { approvals } from '../approvals/index.js';
import { users } from '../org/index.js';
import { skus } from '../products/index.js';
import { stocktakeStatuses } from './inventory.enums.js';
import { warehouses } from './warehouse.schema.js';

/** OSB-4 盘库: one count of one warehouse; its adjustments are posted only once approved. */
export const stocktakes = pgTable(
  'stocktakes',
  {
    id: id(),
    warehouseId: ref('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    status: text('status', { enum: stocktakeStatuses }).notNull().default('counting'),
    note: text('note'),
    openedBy: ref('opened_by')
      .notNull()
      .references(() => users.id),
    approvalId: ref('approval_id').references(() => approvals.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    postedAt: timestamp('posted_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('stocktakes_warehouse_idx').on(t.warehouseId, t.id),
    index('stocktakes_status_idx').on(t.status, t.id),
    // One open count per warehouse: two sheets would post the same variance twice.
    uniqueIndex('stocktakes_open_key').on(t.warehouseId).where(sql`${t.status} IN ('counting', 'submitted', 'returned')`),
  ],
);

/** One SKU of a count sheet: what the books said at open, what was counted, and what was finally posted. */
export const stocktakeLines = pgTable(
  'stocktake_lines',
  {
    stocktakeId: ref('stocktake_id')
      .notNull()
      .references(() => stocktakes.id),
    skuId: ref('sku_id')
      .notNull()
      .references(() => skus.id),
    expected: integer('expected').notNull(),
    counted: integer('counted'),
    /** The adjustment actually posted; less than the variance only when reservations forbade taking more. */
    postedDelta: integer('posted_delta'),
  },
  (t) => [primaryKey({ name: 'stocktake_lines_pkey', columns: [t.stocktakeId, t.skuId] })],
);
