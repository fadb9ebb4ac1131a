import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgSequence, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, fen, id, ref, updatedAt } from '../../platform/db/columns.js';
import { approvals } from '../approvals/index.js';
import { accountAddresses, accounts } from '../customers/index.js';
import { geographies, users } from '../org/index.js';
import { skus } from '../products/index.js';
import { orderChannels, orderCheckKinds, orderCheckStatuses, orderEventKinds, orderStatuses } from './order.enums.js';
import { warehouses } from './warehouse.schema.js';

/** Feeds order numbers SO<yyyymm>-<000123>: one counter, so numbers never repeat across months. */
export const orderNumberSequence = pgSequence('order_number_seq', { startWith: 1 });

/**
 * OSB-1 订单. `owner_user_id` and `geography_id` are the account's owner and
 * territory at entry: the order keeps the scope it was sold in even when the
 * account moves later.
 */
export const orders = pgTable(
  'orders',
  {
    id: id(),
    number: text('number').notNull(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id),
    enteredBy: ref('entered_by')
      .notNull()
      .references(() => users.id),
    ownerUserId: ref('owner_user_id').references(() => users.id),
    geographyId: ref('geography_id').references(() => geographies.id),
    channel: text('channel', { enum: orderChannels }).notNull(),
    warehouseId: ref('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    requestedDeliveryDate: date('requested_delivery_date', { mode: 'string' }),
    deliveryAddressId: ref('delivery_address_id').references(() => accountAddresses.id),
    /** The address as it was when the order was entered (the profile may change later). */
    deliveryAddress: jsonb('delivery_address').$type<DeliveryAddress | null>(),
    status: text('status', { enum: orderStatuses }).notNull().default('draft'),
    /** Incremented on every submit: approvals of an older round no longer move the order. */
    round: integer('round').notNull().default(0),
    listTotalFen: fen('list_total_fen').notNull().default(0),
    discountTotalFen: fen('discount_total_fen').notNull().default(0),
    totalFen: fen('total_fen').notNull().default(0),
    note: text('note'),
    idempotencyKey: text('idempotency_key'),
    cancelReason: text('cancel_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: ref('confirmed_by').references(() => users.id),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('orders_number_key').on(t.number),
    uniqueIndex('orders_idempotency_key').on(t.enteredBy, t.idempotencyKey).where(sql`${t.idempotencyKey} IS NOT NULL`),
    // Keyset paging newest first, within a scope or filter.
    index('orders_created_idx').on(t.createdAt, t.id),
    index('orders_owner_idx').on(t.ownerUserId, t.createdAt, t.id),
    index('orders_geography_idx').on(t.geographyId, t.createdAt, t.id),
    index('orders_account_idx').on(t.accountId, t.createdAt, t.id),
    index('orders_status_idx').on(t.status, t.createdAt, t.id),
    // OSB-2 open receivables of an account.
    index('orders_receivable_idx').on(t.accountId).where(sql`${t.paidAt} IS NULL`),
    check('orders_total_check', sql`${t.totalFen} >= 0`),
  ],
);

export interface DeliveryAddress {
  province: string | null;
  city: string | null;
  address: string;
  receiver: string | null;
  receiverPhone: string | null;
  carrier: string | null;
  unloadingNotes: string | null;
}

/** OSB-1 order lines: quantities in the SKU's base unit, prices in fen per base unit. */
export const orderLines = pgTable(
  'order_lines',
  {
    id: id(),
    orderId: ref('order_id')
      .notNull()
      .references(() => orders.id),
    lineNo: integer('line_no').notNull(),
    skuId: ref('sku_id')
      .notNull()
      .references(() => skus.id),
    quantity: integer('quantity').notNull(),
    shippedQuantity: integer('shipped_quantity').notNull().default(0),
    priceListId: ref('price_list_id'),
    listPriceFen: fen('list_price_fen').notNull(),
    unitPriceFen: fen('unit_price_fen').notNull(),
    floorPriceFen: fen('floor_price_fen').notNull(),
    /** (list − unit) / list in basis points, rounded up: what ORG-5 authority is checked against. */
    discountBp: integer('discount_bp').notNull().default(0),
    lineTotalFen: fen('line_total_fen').notNull(),
  },
  (t) => [
    uniqueIndex('order_lines_order_line_key').on(t.orderId, t.lineNo),
    index('order_lines_sku_idx').on(t.skuId),
    check('order_lines_quantity_check', sql`${t.quantity} > 0`),
    check('order_lines_shipped_check', sql`${t.shippedQuantity} >= 0 AND ${t.shippedQuantity} <= ${t.quantity}`),
    check('order_lines_price_check', sql`${t.unitPriceFen} >= 0`),
  ],
);

/** OSB-2: one row per failing check of a submit round, with the approval it opened and the facts it found. */
export const orderChecks = pgTable(
  'order_checks',
  {
    id: id(),
    orderId: ref('order_id')
      .notNull()
      .references(() => orders.id),
    round: integer('round').notNull(),
    kind: text('kind', { enum: orderCheckKinds }).notNull(),
    status: text('status', { enum: orderCheckStatuses }).notNull().default('pending'),
    approvalId: ref('approval_id').references(() => approvals.id),
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('order_checks_round_kind_key').on(t.orderId, t.round, t.kind), index('order_checks_approval_idx').on(t.approvalId)],
);

/** OSB-10 order timeline: every state change, check, approval, reservation, shipment and tracking step, append-only. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: id(),
    orderId: ref('order_id')
      .notNull()
      .references(() => orders.id),
    kind: text('kind', { enum: orderEventKinds }).notNull(),
    /** e.g. the new status, the check kind, the tracking state. */
    code: text('code').notNull(),
    actorUserId: ref('actor_user_id').references(() => users.id),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.at, t.id)],
);
