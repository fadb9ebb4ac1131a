import { and, asc, desc, eq, getTableColumns, gte, inArray, isNull, lt, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DataScope } from '../../platform/access/principal.js';
import { isInScope, scopeCondition } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import { jsonRows } from '../../platform/db/json-rows.js';
import { paddedNextval } from '../../platform/db/numbering.js';
import { placeholdersFor, setPlaceholdersFor, statement, statementPerNames } from '../../platform/db/statement.js';
import { writeTogether } from '../../platform/db/write-together.js';
import { accountAddresses, accounts, deliveryPointColumns } from '../customers/index.js';
import { geographies, users } from '../org/index.js';
import { skus } from '../products/index.js';
import { type OrderCheckKind, type OrderStatus, receivableStatuses } from './order.enums.js';
import { orderChecks, orderEvents, orderLines, orders } from './order.schema.js';
import { warehouses } from './warehouse.schema.js';

export type OrderRow = typeof orders.$inferSelect;
export type NewOrder = typeof orders.$inferInsert;
export type OrderLineRow = typeof orderLines.$inferSelect;
export type NewOrderLine = typeof orderLines.$inferInsert;
export type OrderCheckRow = typeof orderChecks.$inferSelect;
export type NewOrderEvent = typeof orderEvents.$inferInsert;

/** Orders are scoped like the account they were sold to: its owner at entry, or its territory (ORG-4). */
export const orderScopeColumns = { owner: orders.ownerUserId, geography: orders.geographyId };

/**
 * SO202611-000123: the month of entry in Shanghai and a counter that never
 * repeats; at least six digits, more from the millionth order on (lpad would
 * cut 1000001 to 100000 and repeat numbers).
 */
export const nextOrderNumber = () =>
  sql<string>`'SO' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMM') || '-' || ${paddedNextval('order_number_seq')}`;

const enteredBy = alias(users, 'entered_by_user');
const owner = alias(users, 'owner_user');

const orderView = {
  id: orders.id,
  number: orders.number,
  accountId: orders.accountId,
  accountCode: accounts.code,
  accountName: accounts.name,
  enteredBy: orders.enteredBy,
  enteredByName: enteredBy.displayName,
  ownerUserId: orders.ownerUserId,
  ownerName: owner.displayName,
  geographyId: orders.geographyId,
  geographyName: geographies.name,
  channel: orders.channel,
  warehouseId: orders.warehouseId,
  requestedDeliveryDate: orders.requestedDeliveryDate,
  deliveryAddressId: orders.deliveryAddressId,
  deliveryAddress: orders.deliveryAddress,
  status: orders.status,
  round: orders.round,
  listTotalFen: orders.listTotalFen,
  discountTotalFen: orders.discountTotalFen,
  totalFen: orders.totalFen,
  note: orders.note,
  cancelReason: orders.cancelReason,
  submittedAt: orders.submittedAt,
  confirmedAt: orders.confirmedAt,
  paidAt: orders.paidAt,
  shippedAt: orders.shippedAt,
  completedAt: orders.completedAt,
  cancelledAt: orders.cancelledAt,
  createdAt: orders.createdAt,
  updatedAt: orders.updatedAt,
};

function selectOrders<Extra extends Record<string, SQL> = Record<never, never>>(db: Executor, extra?: Extra) {
  return db
    .select({ ...orderView, ...(extra as Extra) })
    .from(orders)
    .innerJoin(accounts, eq(accounts.id, orders.accountId))
    .innerJoin(enteredBy, eq(enteredBy.id, orders.enteredBy))
    .leftJoin(owner, eq(owner.id, orders.ownerUserId))
    .leftJoin(geographies, eq(geographies.id, orders.geographyId));
}

export type OrderView = Awaited<ReturnType<typeof listOrders>>['items'][number];

export interface OrderFilter {
  status?: OrderStatus[];
  accountId?: number;
  geographyId?: number;
  ownerUserId?: number;
  /** Shanghai business days, inclusive, on the entry time. */
  from?: Date;
  to?: Date;
}

/** The position after which the next page starts: newest first by entry time, then id. */
export interface OrderCursor {
  createdAt: Date;
  id: number;
}

function filterConditions(filter: OrderFilter): (SQL | undefined)[] {
  return [
    filter.status && filter.status.length > 0 ? inArray(orders.status, filter.status) : undefined,
    filter.accountId ? eq(orders.accountId, filter.accountId) : undefined,
    // A market or region includes every territory under it.
    filter.geographyId
      ? sql`${orders.geographyId} IN (WITH RECURSIVE sub AS (SELECT id FROM geographies WHERE id = ${filter.geographyId}
          UNION ALL SELECT g.id FROM geographies g JOIN sub ON g.parent_id = sub.id) SELECT id FROM sub)`
      : undefined,
    filter.ownerUserId ? eq(orders.ownerUserId, filter.ownerUserId) : undefined,
    filter.from ? gte(orders.createdAt, filter.from) : undefined,
    filter.to ? lt(orders.createdAt, filter.to) : undefined,
  ];
}

/** One page of orders in scope, newest first, keyset-paged so deep pages cost the same as the first. */
export async function listOrders(db: Executor, scope: DataScope, filter: OrderFilter, after: OrderCursor | null, limit: number) {
  const where = and(
    scopeCondition(scope, orderScopeColumns),
    ...filterConditions(filter),
    after ? or(lt(orders.createdAt, after.createdAt), and(eq(orders.createdAt, after.createdAt), lt(orders.id, after.id))) : undefined,
  );
  const rows = await selectOrders(db)
    .where(where)
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit + 1);
  return { items: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** One order, or null when missing or outside the scope (404 either way). */
export async function findOrder(db: Executor, scope: DataScope, id: number): Promise<OrderView | null> {
  const [row] = await selectOrders(db).where(and(eq(orders.id, id), scopeCondition(scope, orderScopeColumns)));
  return row ?? null;
}

const orderLineView = {
  id: orderLines.id,
  orderId: orderLines.orderId,
  lineNo: orderLines.lineNo,
  skuId: orderLines.skuId,
  skuCode: skus.code,
  skuName: skus.name,
  baseUnit: skus.baseUnit,
  caseUnit: skus.caseUnit,
  unitsPerCase: skus.unitsPerCase,
  tracksCodes: skus.tracksCodes,
  quantity: orderLines.quantity,
  shippedQuantity: orderLines.shippedQuantity,
  priceListId: orderLines.priceListId,
  listPriceFen: orderLines.listPriceFen,
  unitPriceFen: orderLines.unitPriceFen,
  floorPriceFen: orderLines.floorPriceFen,
  discountBp: orderLines.discountBp,
  lineTotalFen: orderLines.lineTotalFen,
};

export async function findOrderLines(db: Executor, orderIds: number[]) {
  if (orderIds.length === 0) return [];
  return db
    .select(orderLineView)
    .from(orderLines)
    .innerJoin(skus, eq(skus.id, orderLines.skuId))
    .where(inArray(orderLines.orderId, orderIds))
    .orderBy(asc(orderLines.orderId), asc(orderLines.lineNo));
}

export type OrderLineView = Awaited<ReturnType<typeof findOrderLines>>[number];

type JsonDates<T, K extends keyof T> = Omit<T, K> & {
  [P in K]: T[P] extends Date ? string : T[P] extends Date | null ? string | null : T[P];
};

const orderDetailStatement = statement<{ id: number }, OrderDetailRow[]>((db, param) =>
  selectOrders(db, {
    lines: jsonRows(
      orderLineView,
      sql`FROM ${orderLines} JOIN ${skus} ON ${skus.id} = ${orderLines.skuId} WHERE ${orderLines.orderId} = ${orders.id}`,
      sql`${orderLines.lineNo}`,
    ),
    checks: jsonRows(
      getTableColumns(orderChecks),
      sql`FROM ${orderChecks} WHERE ${orderChecks.orderId} = ${orders.id}`,
      sql`${orderChecks.id}`,
    ),
  }).where(eq(orders.id, param('id'))),
);

type OrderDetailRow = OrderView & { lines: unknown[]; checks: unknown[] };

/**
 * One order with its lines and checks in a single statement (the answer to
 * every order command and GET /orders/:id), or null when missing or outside
 * the scope; the scope is checked on the row so the statement keeps one shape.
 */
export async function findOrderDetail(db: Executor, scope: DataScope, id: number) {
  const [row] = await orderDetailStatement(db, { id });
  if (!row || !isInScope(scope, { ownerId: row.ownerUserId, geographyId: row.geographyId })) return null;
  const { lines, checks, ...order } = row;
  return {
    ...order,
    lines: lines as OrderLineView[],
    checks: (checks as JsonDates<OrderCheckRow, 'createdAt' | 'decidedAt'>[]).map((check) => ({
      ...check,
      createdAt: new Date(check.createdAt),
      decidedAt: check.decidedAt === null ? null : new Date(check.decidedAt),
    })),
  };
}

export async function findOrderByKey(db: Executor, userId: number, key: string): Promise<OrderRow | null> {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.enteredBy, userId), eq(orders.idempotencyKey, key)));
  return row ?? null;
}

const insertOrderStatement = statementPerNames<Omit<NewOrder, 'number'>, OrderRow[]>((db, names, param) =>
  db
    .insert(orders)
    .values({ ...(placeholdersFor(names, param) as Record<keyof NewOrder, Placeholder>), number: nextOrderNumber() })
    .onConflictDoNothing({ target: [orders.enteredBy, orders.idempotencyKey], where: sql`${orders.idempotencyKey} IS NOT NULL` })
    .returning(),
);

/** Inserts the order unless the same person already used the key; null means the key was taken meanwhile. */
export async function insertOrder(db: Executor, values: Omit<NewOrder, 'number'>): Promise<OrderRow | null> {
  const [row] = await insertOrderStatement(db, values);
  return row ?? null;
}

export async function insertOrderLines(db: Executor, rows: NewOrderLine[]): Promise<OrderLineRow[]> {
  if (rows.length === 0) return [];
  return db.insert(orderLines).values(rows).returning();
}

export async function deleteOrderLines(db: Executor, orderId: number): Promise<void> {
  await db.delete(orderLines).where(eq(orderLines.orderId, orderId));
}

const lockOrderStatement = statement<{ id: number }, OrderRow[]>((db, param) =>
  db
    .select()
    .from(orders)
    .where(eq(orders.id, param('id')))
    .for('update'),
);

export async function lockOrder(db: Executor, id: number): Promise<OrderRow | null> {
  const [row] = await lockOrderStatement(db, { id });
  return row ?? null;
}

/** Several orders locked in id order, so two shipments over the same orders never deadlock. */
export async function lockOrders(db: Executor, ids: number[]): Promise<OrderRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(orders).where(inArray(orders.id, ids)).orderBy(asc(orders.id)).for('update');
}

const updateOrderStatement = statementPerNames<Partial<NewOrder> & { id: number }, OrderRow[]>((db, names, param) =>
  db
    .update(orders)
    .set({
      ...setPlaceholdersFor(
        names.filter((name) => name !== 'id'),
        param,
      ),
      updatedAt: sql`now()`,
    })
    .where(eq(orders.id, param('id')))
    .returning(),
);

export async function updateOrder(db: Executor, id: number, values: Partial<NewOrder>): Promise<OrderRow> {
  const [row] = await updateOrderStatement(db, { ...values, id });
  if (!row) throw new Error('update returned no row');
  return row;
}

export async function lockOrderLines(db: Executor, orderIds: number[]): Promise<OrderLineRow[]> {
  if (orderIds.length === 0) return [];
  return db.select().from(orderLines).where(inArray(orderLines.orderId, orderIds)).orderBy(asc(orderLines.id)).for('update');
}

export async function addShippedQuantity(db: Executor, lineId: number, quantity: number): Promise<void> {
  await db
    .update(orderLines)
    .set({ shippedQuantity: sql`${orderLines.shippedQuantity} + ${quantity}` })
    .where(eq(orderLines.id, lineId));
}

/** OSB-2 open receivables of an account: the totals of confirmed and later orders finance has not marked paid. */
export async function openReceivablesFen(db: Executor, accountId: number, exceptOrderId: number): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${orders.totalFen}), 0)` })
    .from(orders)
    .where(
      and(
        eq(orders.accountId, accountId),
        isNull(orders.paidAt),
        inArray(orders.status, [...receivableStatuses]),
        sql`${orders.id} <> ${exceptOrderId}`,
      ),
    );
  return Number(row?.total ?? 0);
}

export async function insertOrderEvents(db: Executor, rows: NewOrderEvent[]): Promise<void> {
  await writeTogether(db, [orderEventsInsert(rows)]);
}

/** The INSERT of these timeline entries, in order, with the rows as one JSON parameter (see auditInsert). */
export function orderEventsInsert(rows: NewOrderEvent[]): SQL | null {
  if (rows.length === 0) return null;
  const json = rows.map((row) => ({
    order_id: row.orderId,
    kind: row.kind,
    code: row.code,
    actor_user_id: row.actorUserId ?? null,
    data: row.data ?? {},
  }));
  return sql`INSERT INTO ${orderEvents} (order_id, kind, code, actor_user_id, data)
    SELECT * FROM jsonb_to_recordset(${JSON.stringify(json)}::jsonb) AS r(order_id bigint, kind text, code text, actor_user_id bigint, data jsonb)`;
}

export async function insertOrderCheck(
  db: Executor,
  values: { orderId: number; round: number; kind: OrderCheckKind; facts: Record<string, unknown> },
): Promise<OrderCheckRow> {
  const [row] = await db.insert(orderChecks).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateOrderCheck(db: Executor, id: number, values: Partial<typeof orderChecks.$inferInsert>): Promise<OrderCheckRow> {
  const [row] = await db.update(orderChecks).set(values).where(eq(orderChecks.id, id)).returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

export async function findCheckByApproval(db: Executor, approvalId: number): Promise<OrderCheckRow | null> {
  const [row] = await db.select().from(orderChecks).where(eq(orderChecks.approvalId, approvalId));
  return row ?? null;
}

export function checksOfRound(db: Executor, orderId: number, round: number): Promise<OrderCheckRow[]> {
  return db
    .select()
    .from(orderChecks)
    .where(and(eq(orderChecks.orderId, orderId), eq(orderChecks.round, round)))
    .orderBy(asc(orderChecks.id));
}

/** Marks the still-open checks of older rounds as no longer deciding anything. */
export async function supersedeOpenChecks(db: Executor, orderId: number): Promise<void> {
  await db
    .update(orderChecks)
    .set({ status: 'superseded', decidedAt: new Date() })
    .where(and(eq(orderChecks.orderId, orderId), eq(orderChecks.status, 'pending')));
}

const deliveryAddressView = { id: accountAddresses.id, ...deliveryPointColumns };

/** The account's delivery address with this id, or null when it has none such. */
export async function findDeliveryAddress(db: Executor, accountId: number, addressId: number) {
  const [row] = await db
    .select(deliveryAddressView)
    .from(accountAddresses)
    .where(and(eq(accountAddresses.accountId, accountId), eq(accountAddresses.kind, 'delivery'), eq(accountAddresses.id, addressId)));
  return row ?? null;
}

/**
 * The account row an order is entered for, locked so that concurrent credit
 * checks of one account run in turn, with what entry needs of it besides: its
 * credit terms and its default delivery address (null when it has none).
 */
const lockAccountStatement = statement((db, param: (name: 'id') => Placeholder) =>
  db
    .select({
      id: accounts.id,
      code: accounts.code,
      name: accounts.name,
      kind: accounts.kind,
      status: accounts.status,
      ownerUserId: accounts.ownerUserId,
      geographyId: accounts.geographyId,
      credit: { limitFen: accounts.creditLimitFen, rating: accounts.creditRating },
      defaultAddress: deliveryAddressView,
    })
    .from(accounts)
    .leftJoin(
      accountAddresses,
      and(eq(accountAddresses.accountId, accounts.id), eq(accountAddresses.kind, 'delivery'), eq(accountAddresses.isDefault, true)),
    )
    .where(eq(accounts.id, param('id')))
    .for('update', { of: accounts }),
);

export async function lockAccountForOrder(db: Executor, accountId: number) {
  const [row] = await lockAccountStatement(db, { id: accountId });
  return row ?? null;
}

export async function activeWarehouseExists(db: Executor, id: number): Promise<boolean> {
  const [row] = await db
    .select({ id: warehouses.id })
    .from(warehouses)
    .where(and(eq(warehouses.id, id), eq(warehouses.active, true)));
  return row !== undefined;
}

/** The distinct orders these lines belong to (unknown lines are simply absent). */
export async function orderIdsOfLines(db: Executor, orderLineIds: number[]): Promise<number[]> {
  if (orderLineIds.length === 0) return [];
  const rows = await db.selectDistinct({ orderId: orderLines.orderId }).from(orderLines).where(inArray(orderLines.id, orderLineIds));
  return rows.map((row) => row.orderId);
}
