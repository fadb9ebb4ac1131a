import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, fen, id, ref, updatedAt } from '../../platform/db/columns.js';
import { geographies } from '../org/index.js';
import { priceListStatuses } from './products.enums.js';
import { skus } from './products.schema.js';

/**
 * PRD-2: prices for one kind of account (null = every kind) in one geography
 * (null = national) over a period of Shanghai days, valid_to inclusive.
 */
export const priceLists = pgTable(
  'price_lists',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** One of the customers module's account kinds, kept as text because products sits below customers. */
    accountKind: text('account_kind'),
    geographyId: ref('geography_id').references(() => geographies.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    priority: integer('priority').notNull().default(0),
    status: text('status', { enum: priceListStatuses }).notNull().default('draft'),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('price_lists_code_key').on(t.code),
    index('price_lists_match_idx').on(t.status, t.geographyId, t.accountKind, t.validFrom),
    check('price_lists_validity_check', sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** One SKU's price on a list, per base unit; the floor is the lowest price a sale may go without authority (ORG-5). */
export const priceListItems = pgTable(
  'price_list_items',
  {
    priceListId: ref('price_list_id')
      .notNull()
      .references(() => priceLists.id, { onDelete: 'cascade' }),
    skuId: ref('sku_id')
      .notNull()
      .references(() => skus.id),
    unitPriceFen: fen('unit_price_fen').notNull(),
    floorPriceFen: fen('floor_price_fen').notNull(),
  },
  (t) => [
    primaryKey({ name: 'price_list_items_pkey', columns: [t.priceListId, t.skuId] }),
    index('price_list_items_sku_idx').on(t.skuId),
    check('price_list_items_price_check', sql`${t.floorPriceFen} >= 0 AND ${t.floorPriceFen} <= ${t.unitPriceFen}`),
  ],
);
