import { type Actor, writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { requestApproval, resubmitApproval } from '../approvals/index.js';
import { countableStocktakeStatuses, type StocktakeStatus } from './inventory.enums.js';
import { InventoryErrors } from './inventory.errors.js';
import { postMovements } from './stock.ledger.js';
import { lockLevels } from './stock.repository.js';
import { visibleWarehouse } from './stock.service.js';
import {
  findOpenStocktake,
  findStocktake,
  insertStocktake,
  lineSkuIds,
  listStocktakes,
  lockStocktake,
  type StocktakeRow,
  setCounts,
  setPostedDeltas,
  sheetLines,
  snapshotLines,
  transitionStocktake,
  uncountedLines,
  updateStocktake,
  varianceLines,
} from './stocktake.repository.js';
import { lockWarehouse } from './warehouse.repository.js';

export const stocktakeEntity = 'stocktake';
export const stocktakeApprovalType = 'inventory.stocktake';

type ReadContext = Pick<ServiceContext, 'db' | 'principal'>;

const statusLabels: Record<StocktakeStatus, { 'zh-CN': string; en: string }> = {
  counting: { 'zh-CN': '盘点中', en: 'counting' },
  submitted: { 'zh-CN': '审批中', en: 'in approval' },
  returned: { 'zh-CN': '已退回', en: 'returned' },
  posted: { 'zh-CN': '已过账', en: 'posted' },
  rejected: { 'zh-CN': '已驳回', en: 'rejected' },
  cancelled: { 'zh-CN': '已取消', en: 'cancelled' },
};

export function searchStocktakes(
  ctx: ReadContext,
  filter: { warehouseId?: number; status?: StocktakeStatus },
  page: { limit: number; offset: number },
) {
  return listStocktakes(ctx.db, ctx.principal.scope, filter, page);
}

export async function getStocktake(ctx: ReadContext, id: number) {
  const stocktake = await findStocktake(ctx.db, ctx.principal.scope, id);
  if (!stocktake) throw new AppError(PlatformErrors.notFound);
  return { ...stocktake, lines: await sheetLines(ctx.db, id) };
}

/** A stocktake the user may see, locked for a change; out of scope reads as missing. */
async function lockVisible(tx: Tx, ctx: ReadContext, id: number): Promise<StocktakeRow> {
  if (!(await findStocktake(tx, ctx.principal.scope, id))) throw new AppError(PlatformErrors.notFound);
  const row = await lockStocktake(tx, id);
  if (!row) throw new AppError(PlatformErrors.notFound);
  return row;
}

function assertCountable(stocktake: StocktakeRow): void {
  if (!countableStocktakeStatuses.includes(stocktake.status)) {
    throw new AppError(InventoryErrors.stocktakeNotCountable, { status: statusLabels[stocktake.status] }, { field: 'status' });
  }
}

/** OSB-4 盘库: opens a count sheet holding the books' on-hand quantity of every SKU in the warehouse right now. */
export async function openStocktake(ctx: ServiceContext, input: { warehouseId: number; note?: string | null }) {
  const id = await ctx.db.transaction(async (tx) => {
    const warehouse = await visibleWarehouse(ctx, tx, input.warehouseId, 'warehouseId');
    // The row lock serialises two openings for one warehouse; the partial unique index backs it up.
    await lockWarehouse(tx, warehouse.id);
    const open = await findOpenStocktake(tx, warehouse.id);
    if (open) throw new AppError(InventoryErrors.stocktakeOpen, { code: warehouse.code, id: open.id }, { field: 'warehouseId' });
    const created = await insertStocktake(tx, { warehouseId: warehouse.id, note: input.note ?? null, openedBy: ctx.principal.userId });
    const lines = await snapshotLines(tx, created.id, warehouse.id);
    await writeAudit(tx, ctx.actor, { entity: stocktakeEntity, entityId: created.id, action: 'open', after: { ...created, lines } });
    return created.id;
  });
  return getStocktake(ctx, id);
}

/** Bulk entry of counted quantities; a SKU not on the sheet is refused by its position in the list. */
export async function enterCounts(ctx: ServiceContext, id: number, counts: { skuId: number; counted: number }[]) {
  await ctx.db.transaction(async (tx) => {
    const stocktake = await lockVisible(tx, ctx, id);
    assertCountable(stocktake);
    const onSheet = await lineSkuIds(tx, id);
    const seen = new Set<number>();
    counts.forEach((c, index) => {
      const field = `counts[${index}].skuId`;
      if (!onSheet.has(c.skuId)) throw new AppError(InventoryErrors.skuNotOnSheet, { field }, { field });
      if (seen.has(c.skuId)) throw new AppError(InventoryErrors.skuDuplicate, { field }, { field });
      seen.add(c.skuId);
    });
    await setCounts(tx, id, counts);
    await writeAudit(tx, ctx.actor, { entity: stocktakeEntity, entityId: id, action: 'count', after: { counts } });
  });
  return getStocktake(ctx, id);
}

/** APR-1: the variances go to approval; nothing moves in stock until the approval is granted. */
export async function submitStocktake(ctx: ServiceContext, id: number) {
  await ctx.db.transaction(async (tx) => {
    const before = await lockVisible(tx, ctx, id);
    assertCountable(before);
    const missing = await uncountedLines(tx, id);
    if (missing > 0) throw new AppError(InventoryErrors.stocktakeIncomplete, { missing }, { field: 'counts', missing });
    const view = await findStocktake(tx, ctx.principal.scope, id);
    const variances = await varianceLines(tx, id);
    const summary = `盘点 ${view?.warehouseName ?? ''}：${variances.length} 项差异`;
    const payload = {
      stocktakeId: id,
      warehouse: { id: before.warehouseId, code: view?.warehouseCode, name: view?.warehouseName },
      lineCount: view?.lineCount ?? 0,
      variances: variances.slice(0, 200).map((v) => ({ ...v, variance: v.counted - v.expected })),
    };
    let approvalId = before.approvalId;
    if (before.status === 'returned' && approvalId !== null) {
      await resubmitApproval(tx, ctx.actor, { approvalId, payload, amount: null, summary });
    } else {
      const opened = await requestApproval(tx, ctx.actor, {
        type: stocktakeApprovalType,
        subjectType: stocktakeEntity,
        subjectId: id,
        amount: null,
        requesterId: ctx.principal.userId,
        summary,
        payload,
      });
      approvalId = opened.approvalId;
    }
    // Even an empty chain approves through the outbox, so the adjustment is posted in exactly one place.
    const after = await updateStocktake(tx, id, { status: 'submitted', approvalId, submittedAt: new Date() });
    await writeAudit(tx, ctx.actor, { entity: stocktakeEntity, entityId: id, action: 'submit', before, after });
  });
  return getStocktake(ctx, id);
}

export async function cancelStocktake(ctx: ServiceContext, id: number) {
  await ctx.db.transaction(async (tx) => {
    const before = await lockVisible(tx, ctx, id);
    if (!countableStocktakeStatuses.includes(before.status)) {
      throw new AppError(InventoryErrors.stocktakeNotCancellable, { status: statusLabels[before.status] }, { field: 'status' });
    }
    const after = await updateStocktake(tx, id, { status: 'cancelled', decidedAt: new Date() });
    await writeAudit(tx, ctx.actor, { entity: stocktakeEntity, entityId: id, action: 'cancel', before, after });
  });
  return getStocktake(ctx, id);
}

/**
 * Posts the approved variances as adjustment movements, in the outbox
 * delivery's transaction. The status move from 'submitted' happens first and
 * under a row lock, so a redelivered decision posts nothing twice. A count
 * that would take stock below what orders hold reserved posts only down to
 * the reserved quantity; the line keeps what was really posted.
 */
async function postAdjustments(tx: Tx, actor: Actor, stocktake: StocktakeRow): Promise<void> {
  const variances = await varianceLines(tx, stocktake.id);
  const levels = await lockLevels(
    tx,
    stocktake.warehouseId,
    variances.map((v) => v.skuId),
  );
  const posted = variances.map((v) => {
    const level = levels.get(v.skuId);
    const wanted = v.counted - v.expected;
    const floor = -((level?.onHand ?? 0) - (level?.reserved ?? 0));
    return { skuId: v.skuId, delta: Math.max(wanted, floor) };
  });
  await postMovements(
    tx,
    actor.userId,
    posted.map((p) => ({
      warehouseId: stocktake.warehouseId,
      skuId: p.skuId,
      kind: 'adjustment',
      onHandDelta: p.delta,
      reservedDelta: 0,
      stocktakeId: stocktake.id,
      note: `盘点 #${stocktake.id}`,
    })),
  );
  await setPostedDeltas(tx, stocktake.id, posted);
}

const outcomes = { approved: 'posted', rejected: 'rejected', withdrawn: 'cancelled' } as const;

export async function recordStocktakeOutcome(
  tx: Tx,
  outcome: { approvalId: number; subjectId: string; outcome: keyof typeof outcomes; decidedBy: number | null; at?: string },
): Promise<void> {
  const at = outcome.at ? new Date(outcome.at) : new Date();
  const status = outcomes[outcome.outcome];
  const moved = await transitionStocktake(tx, {
    id: Number(outcome.subjectId),
    approvalId: outcome.approvalId,
    from: ['submitted'],
    values: { status, decidedAt: at, ...(status === 'posted' ? { postedAt: at } : {}) },
  });
  if (!moved) return;
  const actor: Actor = { userId: outcome.decidedBy };
  if (status === 'posted') await postAdjustments(tx, actor, moved.after);
  await writeAudit(tx, actor, { entity: stocktakeEntity, entityId: moved.after.id, action: outcome.outcome, ...moved });
}

/** The approver sent the sheet back: counts may be corrected and the sheet resubmitted. */
export async function recordStocktakeReturned(
  tx: Tx,
  returned: { approvalId: number; subjectId: string; by: number | null },
): Promise<void> {
  const moved = await transitionStocktake(tx, {
    id: Number(returned.subjectId),
    approvalId: returned.approvalId,
    from: ['submitted'],
    values: { status: 'returned' },
  });
  if (!moved) return;
  await writeAudit(tx, { userId: returned.by }, { entity: stocktakeEntity, entityId: moved.after.id, action: 'returned', ...moved });
}
