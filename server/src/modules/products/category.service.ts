import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { deleteUnlessReferenced, serializeTreeWrites, wouldCreateCycle } from '../../platform/db/tree.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import {
  categoryCodeOwner,
  deleteCategoryRow,
  findCategory,
  insertCategory,
  listCategories,
  lockCategory,
  updateCategoryRow,
} from './category.repository.js';
import { ProductErrors } from './products.errors.js';
import { normalizeCode, requiredText } from './products.rules.js';

const entity = 'product_category';

export interface CategoryInput {
  code: string;
  name: string;
  parentId?: number | null;
  sort?: number;
  active?: boolean;
}

export function getCategories(ctx: Pick<ServiceContext, 'db'>) {
  return listCategories(ctx.db);
}

async function assertCodeFree(db: Executor, code: string | undefined, exceptId?: number): Promise<void> {
  if (code === undefined) return;
  const owner = await categoryCodeOwner(db, code);
  if (owner !== null && owner !== exceptId) throw new AppError(ProductErrors.codeTaken, { field: 'code', code }, { field: 'code' });
}

async function assertParent(db: Executor, id: number | null, parentId: number | null | undefined): Promise<void> {
  if (parentId === undefined || parentId === null) return;
  if (!(await findCategory(db, parentId))) throw new AppError(ProductErrors.referenceMissing, { field: 'parentId' }, { field: 'parentId' });
  if (id !== null && (await wouldCreateCycle(db, 'product_categories', 'parent_id', id, parentId))) {
    throw new AppError(ProductErrors.categoryCycle, {}, { field: 'parentId' });
  }
}

export async function createCategory(ctx: ServiceContext, input: CategoryInput) {
  const code = normalizeCode(input.code, 'code');
  const name = requiredText(input.name, 'name');
  return ctx.db.transaction(async (tx) => {
    await serializeTreeWrites(tx, 'product_categories');
    await assertCodeFree(tx, code);
    await assertParent(tx, null, input.parentId);
    const row = await insertCategory(tx, {
      code,
      name,
      parentId: input.parentId ?? null,
      sort: input.sort ?? 0,
      active: input.active ?? true,
    });
    await writeAudit(tx, ctx.actor, { entity, entityId: row.id, action: 'create', after: row });
    return row;
  });
}

export async function updateCategory(ctx: ServiceContext, id: number, input: Partial<CategoryInput>) {
  const code = normalizeCode(input.code, 'code');
  const name = requiredText(input.name, 'name');
  return ctx.db.transaction(async (tx) => {
    await serializeTreeWrites(tx, 'product_categories');
    const before = await lockCategory(tx, id);
    if (!before) throw new AppError(PlatformErrors.notFound);
    await assertCodeFree(tx, code, id);
    await assertParent(tx, id, input.parentId);
    const after = await updateCategoryRow(tx, id, { code, name, parentId: input.parentId, sort: input.sort, active: input.active });
    await writeAudit(tx, ctx.actor, { entity, entityId: id, action: 'update', before, after });
    return after;
  });
}

/** Only an unused category can go; one with products, children or proposals is deactivated instead. */
export async function deleteCategory(ctx: ServiceContext, id: number) {
  await ctx.db.transaction(async (tx) => {
    await serializeTreeWrites(tx, 'product_categories');
    const before = await lockCategory(tx, id);
    if (!before) throw new AppError(PlatformErrors.notFound);
    if (!(await deleteUnlessReferenced(tx, (sp) => deleteCategoryRow(sp, id)))) throw new AppError(ProductErrors.categoryInUse);
    await writeAudit(tx, ctx.actor, { entity, entityId: id, action: 'delete', before });
  });
  return { ok: true };
}
