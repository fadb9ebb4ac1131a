import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import type { WarehouseKind } from './inventory.enums.js';
import { InventoryErrors } from './inventory.errors.js';
import {
  activeUserExists,
  findWarehouse,
  findWarehouseByCode,
  geographyExists,
  insertWarehouse,
  listWarehouseOptions,
  listWarehouses,
  lockWarehouse,
  updateWarehouse,
  type WarehouseFilter,
} from './warehouse.repository.js';

export const warehouseEntity = 'warehouse';

export interface WarehouseInput {
  code: string;
  name: string;
  kind: WarehouseKind;
  geographyId?: number | null;
  address?: string | null;
  managerUserId?: number | null;
  active?: boolean;
}

type ReadContext = Pick<ServiceContext, 'db' | 'principal'>;

export function searchWarehouses(ctx: ReadContext, filter: WarehouseFilter, page: { limit: number; offset: number }) {
  return listWarehouses(ctx.db, ctx.principal.scope, filter, page);
}

export function warehouseOptions(ctx: ReadContext, page: { limit: number; offset: number }) {
  return listWarehouseOptions(ctx.db, page);
}

export async function getWarehouse(ctx: ReadContext, id: number) {
  const warehouse = await findWarehouse(ctx.db, ctx.principal.scope, id);
  if (!warehouse) throw new AppError(PlatformErrors.notFound);
  return warehouse;
}

async function assertReferences(db: Executor, input: Partial<WarehouseInput>): Promise<void> {
  if (input.geographyId != null && !(await geographyExists(db, input.geographyId))) {
    throw new AppError(InventoryErrors.geographyUnknown, { field: 'geographyId' }, { field: 'geographyId' });
  }
  if (input.managerUserId != null && !(await activeUserExists(db, input.managerUserId))) {
    throw new AppError(InventoryErrors.managerUnknown, { field: 'managerUserId' }, { field: 'managerUserId' });
  }
}

async function assertCodeFree(db: Executor, code: string, exceptId?: number): Promise<void> {
  const taken = await findWarehouseByCode(db, code);
  if (taken && taken.id !== exceptId) throw new AppError(InventoryErrors.warehouseCodeTaken, { code }, { field: 'code' });
}

export async function createWarehouse(ctx: ServiceContext, input: WarehouseInput) {
  const id = await ctx.db.transaction(async (tx) => {
    await assertReferences(tx, input);
    await assertCodeFree(tx, input.code);
    const created = await insertWarehouse(tx, {
      code: input.code,
      name: input.name,
      kind: input.kind,
      geographyId: input.geographyId ?? null,
      address: input.address ?? null,
      managerUserId: input.managerUserId ?? null,
      active: input.active ?? true,
    });
    await writeAudit(tx, ctx.actor, { entity: warehouseEntity, entityId: created.id, action: 'create', after: created });
    return created.id;
  });
  return getWarehouse(ctx, id);
}

export async function changeWarehouse(ctx: ServiceContext, id: number, input: Partial<WarehouseInput>) {
  await ctx.db.transaction(async (tx) => {
    if (!(await findWarehouse(tx, ctx.principal.scope, id))) throw new AppError(PlatformErrors.notFound);
    const before = await lockWarehouse(tx, id);
    if (!before) throw new AppError(PlatformErrors.notFound);
    await assertReferences(tx, input);
    if (input.code !== undefined) await assertCodeFree(tx, input.code, id);
    const after = await updateWarehouse(tx, id, input);
    await writeAudit(tx, ctx.actor, { entity: warehouseEntity, entityId: id, action: 'update', before, after });
  });
  return getWarehouse(ctx, id);
}
