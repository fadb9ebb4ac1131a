import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { findSkus } from '../products/index.js';
import { InventoryErrors } from './inventory.errors.js';
import { normalizeLines, postMovements, type StockLine } from './stock.ledger.js';
import {
  findLevel,
  ledgerMismatches,
  ledgerPage,
  listStock,
  overdrawnOrders,
  type StockFilter,
  type StockSort,
  upsertMinStock,
} from './stock.repository.js';
import { findWarehouse, lockWarehouse } from './warehouse.repository.js';

type ReadContext = Pick<ServiceContext, 'db' | 'principal'>;

export const receiptEntity = 'stock_receipt';

/** A warehouse the user may see, else 404; inactive ones can be read but take no goods. */
export async function visibleWarehouse(ctx: ReadContext, db: Executor, id: number, field?: string) {
  const warehouse = await findWarehouse(db, ctx.principal.scope, id);
  if (!warehouse) {
    if (field) throw new AppError(InventoryErrors.warehouseNotFound, { field }, { field });
    throw new AppError(PlatformErrors.notFound);
  }
  return warehouse;
}

export async function assertSkusExist(db: Executor, lines: StockLine[], field = 'lines'): Promise<void> {
  const known = new Set(
    (
      await findSkus(
        db,
        lines.map((l) => l.skuId),
      )
    ).map((s) => s.id),
  );
  const index = lines.findIndex((l) => !known.has(l.skuId));
  if (index >= 0)
    throw new AppError(InventoryErrors.skuUnknown, { field: `${field}[${index}].skuId` }, { field: `${field}[${index}].skuId` });
}

export function searchStock(
  ctx: ReadContext,
  filter: StockFilter,
  page: { limit: number; offset: number; sort: StockSort; order: 'asc' | 'desc' },
) {
  return listStock(ctx.db, ctx.principal.scope, filter, page);
}

export async function stockLedger(ctx: ReadContext, query: { warehouseId: number; skuId: number; before?: number; limit: number }) {
  await visibleWarehouse(ctx, ctx.db, query.warehouseId);
  return ledgerPage(ctx.db, query);
}

/** OSB-4 goods in (入库): one receipt movement per line, with the delivery reference as its note. */
export async function receiveGoods(ctx: ServiceContext, input: { warehouseId: number; reference: string; lines: StockLine[] }) {
  const lines = normalizeLines(input.lines);
  return ctx.db.transaction(async (tx) => {
    const warehouse = await visibleWarehouse(ctx, tx, input.warehouseId, 'warehouseId');
    if (!warehouse.active) throw new AppError(InventoryErrors.warehouseInactive, { code: warehouse.code }, { field: 'warehouseId' });
    await assertSkusExist(tx, input.lines);
    const levels = await postMovements(
      tx,
      ctx.principal.userId,
      lines.map((line) => ({
        warehouseId: input.warehouseId,
        skuId: line.skuId,
        kind: 'receipt',
        onHandDelta: line.quantity,
        reservedDelta: 0,
        note: input.reference,
      })),
    );
    await writeAudit(tx, ctx.actor, {
      entity: receiptEntity,
      entityId: input.warehouseId,
      action: 'receive',
      after: { warehouseId: input.warehouseId, reference: input.reference, lines },
    });
    return { warehouseId: input.warehouseId, reference: input.reference, levels };
  });
}

export async function setMinimumStock(ctx: ServiceContext, input: { warehouseId: number; skuId: number; minStock: number }) {
  return ctx.db.transaction(async (tx) => {
    await visibleWarehouse(ctx, tx, input.warehouseId, 'warehouseId');
    await lockWarehouse(tx, input.warehouseId);
    if ((await findSkus(tx, [input.skuId])).length === 0) {
      throw new AppError(InventoryErrors.skuUnknown, { field: 'skuId' }, { field: 'skuId' });
    }
    const before = await findLevel(tx, input.warehouseId, input.skuId);
    const after = await upsertMinStock(tx, input.warehouseId, input.skuId, input.minStock);
    await writeAudit(tx, ctx.actor, {
      entity: 'stock_level',
      entityId: `${input.warehouseId}:${input.skuId}`,
      action: 'set_min_stock',
      before: before ? { minStock: before.minStock } : null,
      after: { minStock: after.minStock },
    });
    return after;
  });
}

/** OSB-4 ledger check: levels must equal the sums of their movements, and no order may hold less than nothing. */
export async function checkLedger(db: Executor) {
  const [mismatches, overdrawn] = await Promise.all([ledgerMismatches(db), overdrawnOrders(db)]);
  return { ok: mismatches.length === 0 && overdrawn.length === 0, mismatches, overdrawnOrders: overdrawn };
}
