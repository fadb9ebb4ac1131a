import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgSequence, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt } from '../../platform/db/columns.js';
import { accounts } from '../customers/index.js';
import { users } from '../org/index.js';
import { deliveryRunStatuses, shipmentKinds, shipmentStates } from './order.enums.js';
import { orderLines, orders } from './order.schema.js';
import { warehouses } from './warehouse.schema.js';

/** Feeds shipment numbers FH<yyyymm>-<000123>. */
export const shipmentNumberSequence = pgSequence('shipment_number_seq', { startWith: 1 });

/** OSB-3 local delivery run: several accounts' shipments on one truck, in stop order. */
export const deliveryRuns = pgTable(
  'delivery_runs',
  {
    id: id(),
    runDate: date('run_date', { mode: 'string' }).notNull(),
    warehouseId: ref('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    vehicle: text('vehicle').notNull(),
    driverName: text('driver_name'),
    driverPhone: text('driver_phone'),
    status: text('status', { enum: deliveryRunStatuses }).notNull().default('planned'),
    note: text('note'),
    createdBy: ref('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('delivery_runs_date_idx').on(t.runDate, t.id)],
);

/** OSB-3 发运: goods for one account leaving one warehouse, for one or more of its confirmed orders. */
export const shipments = pgTable(
  'shipments',
  {
    id: id(),
    number: text('number').notNull(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id),
    warehouseId: ref('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    kind: text('kind', { enum: shipmentKinds }).notNull(),
    state: text('state', { enum: shipmentStates }).notNull().default('prepared'),
    carrier: text('carrier'),
    vehicle: text('vehicle'),
    driverPhone: text('driver_phone'),
    deliveryRunId: ref('delivery_run_id').references(() => deliveryRuns.id),
    stopSeq: integer('stop_seq'),
    note: text('note'),
    createdBy: ref('created_by').references(() => users.id),
    pickedAt: timestamp('picked_at', { withTimezone: true }),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signedBy: text('signed_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('shipments_number_key').on(t.number),
    index('shipments_account_idx').on(t.accountId, t.id),
    index('shipments_state_idx').on(t.state, t.id),
    index('shipments_run_idx').on(t.deliveryRunId, t.stopSeq),
  ],
);

/**
 * OSB-3 shipment lines. `codes` are the batch or unit codes shipped, kept so a
 * later issue can trace a code back to the account and territory (GIN index).
 */
export const shipmentLines = pgTable(
  'shipment_lines',
  {
    id: id(),
    shipmentId: ref('shipment_id')
      .notNull()
      .references(() => shipments.id),
    orderId: ref('order_id')
      .notNull()
      .references(() => orders.id),
    orderLineId: ref('order_line_id')
      .notNull()
      .references(() => orderLines.id),
    skuId: ref('sku_id').notNull(),
    quantity: integer('quantity').notNull(),
    codes: text('codes').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    index('shipment_lines_shipment_idx').on(t.shipmentId),
    index('shipment_lines_order_idx').on(t.orderId),
    index('shipment_lines_codes_idx').using('gin', t.codes),
    check('shipment_lines_quantity_check', sql`${t.quantity} > 0`),
  ],
);

/** OSB-10 tracking history of a shipment, append-only. */
export const shipmentEvents = pgTable(
  'shipment_events',
  {
    id: id(),
    shipmentId: ref('shipment_id')
      .notNull()
      .references(() => shipments.id),
    state: text('state', { enum: shipmentStates }).notNull(),
    actorUserId: ref('actor_user_id').references(() => users.id),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('shipment_events_shipment_idx').on(t.shipmentId, t.at)],
);
