import type { Principal } from '../../platform/access/principal.js';
import { isInScope } from '../../platform/access/scope.js';
import type { Actor } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { emitEvent } from '../../platform/events/index.js';
import { fenToYuan } from '../../platform/money.js';
import { addDays, shanghaiDate, startOfShanghaiDay } from '../../platform/time.js';
import { type ApprovalDecidedPayload, requestApproval } from '../approvals/index.js';
import type { CreditTerms } from '../customers/index.js';
import { geographyPath } from '../org/index.js';
import { defaultWarehouseFor, releaseReservation, reserveStock } from './inventory.service.js';
import { type OrderChangeLog, orderChangeLog } from './order.change-log.js';
import { runOrderChecks } from './order.checks.js';
import { cancellableStatuses, type OrderChannel, type OrderCheckKind, type OrderStatus, receivableStatuses } from './order.enums.js';
import { OrderErrors } from './order.errors.js';
import { type OrderLineInput, type PricedLine, priceLines } from './order.pricing.js';
import {
  activeWarehouseExists,
  checksOfRound,
  deleteOrderLines,
  findCheckByApproval,
  findDeliveryAddress,
  findOrder,
  findOrderByKey,
  findOrderDetail,
  findOrderLines,
  insertOrder,
  insertOrderCheck,
  insertOrderEvents,
  insertOrderLines,
  listOrders,
  lockAccountForOrder,
  lockOrder,
  type OrderCheckRow,
  type OrderLineRow,
  type OrderRow,
  supersedeOpenChecks,
  updateOrder,
  updateOrderCheck,
} from './order.repository.js';
import { orderTotals } from './order.rules.js';
import { orderTimeline } from './order-timeline.repository.js';

export const orderEntity = 'order';
export const orderSubject = 'order';
export const orderApprovalType = (kind: OrderCheckKind) => `order.${kind}`;

type ReadContext = Pick<ServiceContext, 'db' | 'principal'>;

export interface OrderInput {
  accountId: number;
  channel: OrderChannel;
  /** The account's territory default when absent. */
  warehouseId?: number;
  requestedDeliveryDate?: string | null;
  /** One of the account's delivery addresses; its default when absent. */
  deliveryAddressId?: number | null;
  note?: string | null;
  lines: OrderLineInput[];
}

const statusLabels: Record<OrderStatus, { 'zh-CN': string; en: string }> = {
  draft: { 'zh-CN': '草稿', en: 'draft' },
  submitted: { 'zh-CN': '已提交', en: 'submitted' },
  awaiting_approval: { 'zh-CN': '待审批', en: 'awaiting approval' },
  awaiting_finance: { 'zh-CN': '待财务确认', en: 'awaiting finance' },
  confirmed: { 'zh-CN': '已确认', en: 'confirmed' },
  partially_shipped: { 'zh-CN': '部分发货', en: 'partially shipped' },
  shipped: { 'zh-CN': '已发货', en: 'shipped' },
  completed: { 'zh-CN': '已完成', en: 'completed' },
  cancelled: { 'zh-CN': '已取消', en: 'cancelled' },
};

const actionLabels = {
  submit: { 'zh-CN': '提交', en: 'submit it' },
  edit: { 'zh-CN': '修改', en: 'edit it' },
  confirm: { 'zh-CN': '财务确认', en: 'confirm it' },
  cancel: { 'zh-CN': '取消', en: 'cancel it' },
  markPaid: { 'zh-CN': '标记已付款', en: 'mark it paid' },
  ship: { 'zh-CN': '发运', en: 'ship it' },
} as const;

export function wrongStatus(order: Pick<OrderRow, 'number' | 'status'>, action: keyof typeof actionLabels): AppError {
  return new AppError(OrderErrors.wrongStatus, { number: order.number, status: statusLabels[order.status], action: actionLabels[action] });
}

const trimmed = (value: string | null | undefined) => {
  const text = value?.trim();
  return text ? text : null;
};

/** Appends to the order timeline (OSB-10) inside the change's transaction. */
export function recordOrderEvent(
  tx: Tx,
  actor: Actor,
  orderIds: number[],
  kind: Parameters<typeof insertOrderEvents>[1][number]['kind'],
  code: string,
  data: Record<string, unknown> = {},
) {
  return insertOrderEvents(
    tx,
    orderIds.map((orderId) => ({ orderId, kind, code, actorUserId: actor.userId, data })),
  );
}

async function moveStatus(tx: Tx, log: OrderChangeLog, before: OrderRow, status: OrderStatus, values: Partial<OrderRow> = {}, data = {}) {
  const after = await updateOrder(tx, before.id, { ...values, status });
  log.event(before.id, 'status', status, { from: before.status, ...data });
  return after;
}

/** Header facts and priced lines for a new or edited order, checked against the account the user may see. */
async function prepareOrder(tx: Tx, principal: Principal, input: OrderInput, at: Date) {
  // Locked first and checked on the row, like lockVisibleAccount: one statement instead of the joined view and a lock.
  const locked = await lockAccountForOrder(tx, input.accountId);
  const account = locked && isInScope(principal.scope, { ownerId: locked.ownerUserId, geographyId: locked.geographyId }) ? locked : null;
  if (!account) throw new AppError(OrderErrors.accountUnknown, { field: 'accountId' }, { field: 'accountId' });
  if (account.status !== 'active') throw new AppError(OrderErrors.accountInactive, { code: account.code }, { field: 'accountId' });
  const path = await geographyPath(tx, account.geographyId);
  const lines = await priceLines(tx, { kind: account.kind, geographyPath: path }, input.lines, at);
  let warehouseId = input.warehouseId ?? null;
  if (warehouseId !== null && !(await activeWarehouseExists(tx, warehouseId)))
    throw new AppError(OrderErrors.warehouseUnknown, { field: 'warehouseId' }, { field: 'warehouseId' });
  warehouseId ??= await defaultWarehouseFor(tx, path);
  if (warehouseId === null) throw new AppError(OrderErrors.noWarehouse, {}, { field: 'warehouseId' });
  const date = input.requestedDeliveryDate ?? null;
  if (date !== null && date < shanghaiDate(at))
    throw new AppError(OrderErrors.dateInvalid, { field: 'requestedDeliveryDate' }, { field: 'requestedDeliveryDate' });
  const chosen = input.deliveryAddressId ?? null;
  const address = chosen === null ? account.defaultAddress : await findDeliveryAddress(tx, account.id, chosen);
  if (chosen !== null && !address)
    throw new AppError(OrderErrors.addressInvalid, { field: 'deliveryAddressId' }, { field: 'deliveryAddressId' });
  return {
    account,
    lines,
    header: {
      accountId: account.id,
      ownerUserId: account.ownerUserId,
      geographyId: account.geographyId,
      channel: input.channel,
      warehouseId,
      requestedDeliveryDate: date,
      deliveryAddressId: address?.id ?? null,
      deliveryAddress: address && addressSnapshot(address),
      note: trimmed(input.note),
      ...orderTotals(lines),
    },
  };
}

/** What the order keeps of its delivery address, so a later edit of the account does not rewrite where it went. */
const addressSnapshot = ({ id: _id, ...snapshot }: NonNullable<Awaited<ReturnType<typeof findDeliveryAddress>>>) => snapshot;

const lineRows = (orderId: number, lines: PricedLine[]) => lines.map(({ skuCode: _code, ...line }) => ({ ...line, orderId }));

const idempotencyKeyPattern = /^[\x21-\x7e]{1,100}$/;

/**
 * OSB-1: enters an order (a draft, or submitted at once). With an
 * Idempotency-Key a retried request answers the order the first one made,
 * even when both arrive at the same time (the unique index decides) and even
 * when its input would now be refused (the account closed meanwhile, say).
 * The key is looked up only when the insert or the input fails, so a first
 * request pays no extra statement for it.
 */
export async function createOrder(ctx: ServiceContext, input: OrderInput & { submit?: boolean }, idempotencyKey?: string) {
  const key = idempotencyKey ?? null;
  if (key !== null && !idempotencyKeyPattern.test(key))
    throw new AppError(OrderErrors.idempotencyKeyInvalid, {}, { field: 'Idempotency-Key' });
  const me = ctx.principal.userId;
  const replay = async () => {
    const earlier = key === null ? null : await findOrderByKey(ctx.db, me, key);
    return earlier && { order: await getOrder(ctx, earlier.id), replayed: true };
  };
  let created: number | null;
  try {
    created = await ctx.db.transaction(async (tx) => {
      const { account, lines, header } = await prepareOrder(tx, ctx.principal, input, new Date());
      const order = await insertOrder(tx, { ...header, enteredBy: me, idempotencyKey: key });
      if (!order) return null; // the key was used before or meanwhile: answer that order
      const inserted = await insertOrderLines(tx, lineRows(order.id, lines));
      const log = orderChangeLog(tx, ctx.actor);
      log.event(order.id, 'created', 'draft', { totalFen: order.totalFen, lines: inserted.length });
      log.audit({ entity: orderEntity, entityId: order.id, action: 'create', after: { ...order, lines: inserted } });
      if (input.submit) await submitInTx(tx, ctx, log, order, inserted, account.credit);
      await log.write();
      return order.id;
    });
  } catch (error) {
    const replayed = error instanceof AppError ? await replay() : null;
    if (replayed) return replayed;
    throw error;
  }
  if (created === null) {
    const replayed = await replay();
    if (!replayed) throw new AppError(PlatformErrors.conflict);
    return replayed;
  }
  return { order: await getOrder(ctx, created), replayed: false };
}

/** A draft (new or sent back by a rejected approval) may be changed before it is submitted again. */
export async function updateDraft(ctx: ServiceContext, id: number, input: OrderInput) {
  await ctx.db.transaction(async (tx) => {
    const before = await lockScopedOrder(tx, ctx.principal, id);
    if (before.status !== 'draft') throw wrongStatus(before, 'edit');
    if (input.accountId !== before.accountId) throw new AppError(OrderErrors.accountFixed, { field: 'accountId' }, { field: 'accountId' });
    const { lines, header } = await prepareOrder(tx, ctx.principal, input, new Date());
    const beforeLines = await findOrderLines(tx, [id]);
    await deleteOrderLines(tx, id);
    const after = await updateOrder(tx, id, header);
    const inserted = await insertOrderLines(tx, lineRows(id, lines));
    const log = orderChangeLog(tx, ctx.actor);
    log.event(id, 'status', 'edited', { totalFen: after.totalFen });
    log.audit({
      entity: orderEntity,
      entityId: id,
      action: 'update',
      before: { ...before, lines: beforeLines },
      after: { ...after, lines: inserted },
    });
    await log.write();
  });
  return getOrder(ctx, id);
}

/**
 * The order locked for a change, or 404 when it does not exist or lies
 * outside the user's scope: the scope is checked on the locked row, as
 * lockVisibleAccount does, rather than by reading the joined order view first.
 */
async function lockScopedOrder(tx: Tx, principal: Principal, id: number): Promise<OrderRow> {
  const order = await lockOrder(tx, id);
  if (!order || !isInScope(principal.scope, { ownerId: order.ownerUserId, geographyId: order.geographyId }))
    throw new AppError(PlatformErrors.notFound);
  return order;
}

export async function submitOrder(ctx: ServiceContext, id: number) {
  await ctx.db.transaction(async (tx) => {
    const order = await lockScopedOrder(tx, ctx.principal, id);
    if (order.status !== 'draft') throw wrongStatus(order, 'submit');
    const lines = await findOrderLines(tx, [id]);
    const log = orderChangeLog(tx, ctx.actor);
    await submitInTx(tx, ctx, log, order, lines);
    await log.write();
  });
  return getOrder(ctx, id);
}

/**
 * OSB-2: runs the price, credit and stock checks; each failing check opens
 * one approval carrying its facts. With none failing the order goes straight
 * to finance; an approval that passes at once (empty chain) counts as passed.
 * The timeline still shows the order passing through 'submitted', but the row
 * is written once, with the status the checks lead to.
 */
async function submitInTx(
  tx: Tx,
  ctx: ServiceContext,
  log: OrderChangeLog,
  draft: OrderRow,
  lines: Pick<OrderLineRow, 'lineNo' | 'skuId' | 'quantity' | 'listPriceFen' | 'unitPriceFen' | 'floorPriceFen' | 'discountBp'>[],
  credit?: CreditTerms,
) {
  const round = draft.round + 1;
  log.event(draft.id, 'status', 'submitted', { from: draft.status, round });
  const failed = await runOrderChecks(tx, ctx.principal, draft, lines, credit);
  let pending = 0;
  for (const check of failed) {
    const row = await insertOrderCheck(tx, { orderId: draft.id, round, kind: check.kind, facts: check.facts });
    const opened = await requestApproval(tx, ctx.actor, {
      type: orderApprovalType(check.kind),
      subjectType: orderSubject,
      subjectId: draft.id,
      amount: draft.totalFen,
      requesterId: ctx.principal.userId,
      summary: `${draft.number} · ¥${fenToYuan(draft.totalFen)}`,
      payload: {
        orderId: draft.id,
        number: draft.number,
        accountId: draft.accountId,
        totalFen: draft.totalFen,
        check: check.kind,
        facts: check.facts,
      },
    });
    const passed = opened.status === 'approved';
    await updateOrderCheck(tx, row.id, { approvalId: opened.approvalId, ...(passed ? { status: 'approved', decidedAt: new Date() } : {}) });
    log.event(draft.id, 'check', check.kind, { approvalId: opened.approvalId, passedAtOnce: passed, facts: check.facts });
    if (!passed) pending += 1;
  }
  const status = pending > 0 ? 'awaiting_approval' : 'awaiting_finance';
  const after = await updateOrder(tx, draft.id, { status, round, submittedAt: new Date() });
  log.event(draft.id, 'status', status, { from: 'submitted' });
  const failedChecks = failed.map((check) => check.kind);
  log.audit({
    entity: orderEntity,
    entityId: draft.id,
    action: 'submit',
    before: { status: draft.status, round: draft.round },
    after: { status, round, failedChecks },
  });
  await emitEvent(tx, 'order.submitted', {
    orderId: draft.id,
    number: after.number,
    accountId: after.accountId,
    totalFen: after.totalFen,
    status,
    failedChecks,
  });
  return after;
}

const checkOutcome = { approved: 'approved', rejected: 'rejected', withdrawn: 'withdrawn' } as const;

/**
 * An order approval ended (runs once per decision, from the outbox). All
 * checks of the round approved → awaiting finance; one rejected or
 * withdrawn → the order returns to draft to be corrected, and the other
 * approvals of that round no longer decide anything.
 */
export async function onOrderApprovalDecided(tx: Tx, decided: ApprovalDecidedPayload): Promise<void> {
  const check = await findCheckByApproval(tx, decided.approvalId);
  if (check?.status !== 'pending') return;
  const order = await lockOrder(tx, check.orderId);
  if (!order) return;
  const log = orderChangeLog(tx, { userId: decided.decidedBy });
  await updateOrderCheck(tx, check.id, { status: checkOutcome[decided.outcome], decidedAt: new Date(decided.at) });
  log.event(order.id, 'approval', decided.outcome, { check: check.kind, approvalId: decided.approvalId });
  if (order.status === 'awaiting_approval' && order.round === check.round) await followDecision(tx, log, order, check, decided.outcome);
  await log.write();
}

/** The order's next status once a check of its current round is decided. */
async function followDecision(
  tx: Tx,
  log: OrderChangeLog,
  order: OrderRow,
  check: OrderCheckRow,
  outcome: ApprovalDecidedPayload['outcome'],
) {
  if (outcome !== 'approved') {
    await supersedeOpenChecks(tx, order.id);
    const after = await moveStatus(tx, log, order, 'draft', {}, { check: check.kind, outcome });
    log.audit({ entity: orderEntity, entityId: order.id, action: `approval.${outcome}`, before: order, after });
    return;
  }
  const open = (await checksOfRound(tx, order.id, order.round)).filter((c) => c.status !== 'approved');
  if (open.length > 0) return;
  const after = await moveStatus(tx, log, order, 'awaiting_finance');
  log.audit({ entity: orderEntity, entityId: order.id, action: 'approval.approved', before: order, after });
}

/** A returned approval sends the order back to draft as a rejection would: it is corrected and submitted again. */
export async function onOrderApprovalReturned(tx: Tx, returned: { approvalId: number; by: number; reason: string }): Promise<void> {
  await onOrderApprovalDecided(tx, {
    approvalId: returned.approvalId,
    type: '',
    subjectType: orderSubject,
    subjectId: '',
    outcome: 'withdrawn',
    decidedBy: returned.by,
    at: new Date().toISOString(),
  });
}

/**
 * OSB-2 finance confirmation (payment received or credit accepted); the stock
 * is reserved at this moment. When the reservation fails the whole change
 * rolls back: the order stays awaiting finance and the answer is outOfStock.
 */
export async function confirmOrder(ctx: ServiceContext, id: number) {
  await ctx.db.transaction(async (tx) => {
    const order = await lockScopedOrder(tx, ctx.principal, id);
    if (order.status !== 'awaiting_finance') throw wrongStatus(order, 'confirm');
    const lines = await findOrderLines(tx, [id]);
    await reserveStock(tx, {
      orderId: id,
      warehouseId: order.warehouseId,
      lines: lines.map((line) => ({ skuId: line.skuId, quantity: line.quantity })),
      userId: ctx.principal.userId,
    });
    const log = orderChangeLog(tx, ctx.actor);
    log.event(id, 'reservation', 'reserved', {
      warehouseId: order.warehouseId,
      lines: lines.map((line) => ({ skuId: line.skuId, quantity: line.quantity })),
    });
    const after = await moveStatus(tx, log, order, 'confirmed', { confirmedAt: new Date(), confirmedBy: ctx.principal.userId });
    log.audit({ entity: orderEntity, entityId: id, action: 'confirm', before: { status: order.status }, after });
    await log.write();
    await emitEvent(tx, 'order.confirmed', {
      orderId: id,
      number: after.number,
      accountId: after.accountId,
      totalFen: after.totalFen,
      warehouseId: after.warehouseId,
    });
  });
  return getOrder(ctx, id);
}

/** OSB-1: cancel with a reason before anything ships; a reservation is released, open approvals stop deciding. */
export async function cancelOrder(ctx: ServiceContext, id: number, input: { reason: string }) {
  const reason = trimmed(input.reason);
  if (!reason) throw new AppError(OrderErrors.reasonRequired, { field: 'reason' }, { field: 'reason' });
  await ctx.db.transaction(async (tx) => {
    const order = await lockScopedOrder(tx, ctx.principal, id);
    if (!cancellableStatuses.includes(order.status)) throw wrongStatus(order, 'cancel');
    const log = orderChangeLog(tx, ctx.actor);
    if (order.status === 'confirmed') {
      await releaseReservation(tx, { orderId: id, userId: ctx.principal.userId, reason });
      log.event(id, 'release', 'released', { reason });
    }
    await supersedeOpenChecks(tx, id);
    const after = await moveStatus(tx, log, order, 'cancelled', { cancelReason: reason, cancelledAt: new Date() }, { reason });
    log.audit({ entity: orderEntity, entityId: id, action: 'cancel', before: { status: order.status }, after });
    await log.write();
    await emitEvent(tx, 'order.cancelled', { orderId: id, number: after.number, accountId: after.accountId, from: order.status, reason });
  });
  return getOrder(ctx, id);
}

/** OSB-2: finance records that the order is paid; it stops counting against the account's credit. */
export async function markOrderPaid(ctx: ServiceContext, id: number) {
  await ctx.db.transaction(async (tx) => {
    const order = await lockScopedOrder(tx, ctx.principal, id);
    if (!receivableStatuses.includes(order.status)) throw wrongStatus(order, 'markPaid');
    if (order.paidAt) throw new AppError(OrderErrors.alreadyPaid, { number: order.number });
    const after = await updateOrder(tx, id, { paidAt: new Date() });
    const log = orderChangeLog(tx, ctx.actor);
    log.event(id, 'payment', 'paid', { totalFen: order.totalFen });
    log.audit({ entity: orderEntity, entityId: id, action: 'markPaid', before: { paidAt: null }, after: { paidAt: after.paidAt } });
    await log.write();
  });
  return getOrder(ctx, id);
}

/** One order with its lines and checks, or 404 outside the scope. */
export async function getOrder(ctx: ReadContext, id: number) {
  const order = await findOrderDetail(ctx.db, ctx.principal.scope, id);
  if (!order) throw new AppError(PlatformErrors.notFound);
  return order;
}

/** OSB-10: the order's timeline, for whoever may see the order. */
export async function getOrderTimeline(ctx: ReadContext, id: number) {
  if (!(await findOrder(ctx.db, ctx.principal.scope, id))) throw new AppError(PlatformErrors.notFound);
  return orderTimeline(ctx.db, id);
}

export interface OrderQuery {
  status?: OrderStatus[];
  accountId?: number;
  geographyId?: number;
  ownerUserId?: number;
  /** Shanghai business days, inclusive. */
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

const encodeCursor = (row: { createdAt: Date; id: number }) =>
  Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');

function decodeCursor(cursor: string) {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  const orderId = Number(id);
  if (Number.isNaN(createdAt.getTime()) || !Number.isSafeInteger(orderId) || orderId < 1)
    throw new AppError(OrderErrors.cursorInvalid, { field: 'cursor' }, { field: 'cursor' });
  return { createdAt, id: orderId };
}

/** OSB-1 order list: in scope, filtered, newest first, keyset-paged. */
export async function searchOrders(ctx: ReadContext, query: OrderQuery) {
  const limit = Math.min(query.limit ?? 20, 200);
  const page = await listOrders(
    ctx.db,
    ctx.principal.scope,
    {
      status: query.status,
      accountId: query.accountId,
      geographyId: query.geographyId,
      ownerUserId: query.ownerUserId,
      from: query.from ? startOfShanghaiDay(query.from) : undefined,
      to: query.to ? startOfShanghaiDay(addDays(query.to, 1)) : undefined,
    },
    query.cursor ? decodeCursor(query.cursor) : null,
    limit,
  );
  const last = page.items.at(-1);
  return { items: page.items, nextCursor: page.hasMore && last ? encodeCursor(last) : null };
}
