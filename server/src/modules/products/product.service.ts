import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { deleteUnlessReferenced } from '../../platform/db/tree.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { categoryWithDescendants, findCategory } from './category.repository.js';
import {
  deleteProductRow,
  deleteSkuRow,
  insertProduct,
  insertSku,
  listProducts,
  listSkus,
  lockProduct,
  lockSku,
  type ProductFilter,
  productCodeOwner,
  type SkuFilter,
  skuOwnerOf,
  updateProductRow,
  updateSkuRow,
} from './product.repository.js';
import type { ProductStatus, SkuStatus } from './products.enums.js';
import { ProductErrors } from './products.errors.js';
import { blankToNull, normalizeCode, requiredText } from './products.rules.js';

type ReadContext = Pick<ServiceContext, 'db'>;
type Page = { limit: number; offset: number };

export interface ProductInput {
  code: string;
  name: string;
  categoryId: number;
  brand?: string | null;
  description?: string | null;
  status?: ProductStatus;
}

export interface SkuInput {
  code: string;
  name: string;
  barcode?: string | null;
  baseUnit: string;
  caseUnit?: string | null;
  unitsPerCase?: number;
  tracksCodes?: boolean;
  status?: SkuStatus;
  minOrderQuantity?: number | null;
}

async function categoryFilter(db: Executor, categoryId: number | undefined): Promise<number[] | undefined> {
  return categoryId === undefined ? undefined : categoryWithDescendants(db, categoryId);
}

export async function searchProducts(ctx: ReadContext, filter: Omit<ProductFilter, 'categoryIds'> & { categoryId?: number }, page: Page) {
  const keyword = filter.keyword?.trim() || undefined;
  return listProducts(ctx.db, { ...filter, keyword, categoryIds: await categoryFilter(ctx.db, filter.categoryId) }, page);
}

export async function getProduct(ctx: ReadContext, id: number) {
  const { items } = await listProducts(ctx.db, { id }, { limit: 1, offset: 0 });
  const [product] = items;
  if (!product) throw new AppError(PlatformErrors.notFound);
  return product;
}

export async function searchSkus(ctx: ReadContext, filter: Omit<SkuFilter, 'categoryIds'> & { categoryId?: number }, page: Page) {
  const keyword = filter.keyword?.trim() || undefined;
  return listSkus(ctx.db, { ...filter, keyword, categoryIds: await categoryFilter(ctx.db, filter.categoryId) }, page);
}

async function assertProductCodeFree(db: Executor, code: string | undefined, exceptId?: number) {
  if (code === undefined) return;
  const owner = await productCodeOwner(db, code);
  if (owner !== null && owner !== exceptId) throw new AppError(ProductErrors.codeTaken, { field: 'code', code }, { field: 'code' });
}

async function assertCategory(db: Executor, categoryId: number | undefined) {
  if (categoryId !== undefined && !(await findCategory(db, categoryId))) {
    throw new AppError(ProductErrors.referenceMissing, { field: 'categoryId' }, { field: 'categoryId' });
  }
}

export async function createProduct(ctx: ServiceContext, input: ProductInput) {
  const code = normalizeCode(input.code, 'code');
  const name = requiredText(input.name, 'name');
  const id = await ctx.db.transaction(async (tx) => {
    await assertProductCodeFree(tx, code);
    await assertCategory(tx, input.categoryId);
    const row = await insertProduct(tx, {
      code,
      name,
      categoryId: input.categoryId,
      brand: blankToNull(input.brand) ?? null,
      description: blankToNull(input.description) ?? null,
      status: input.status ?? 'draft',
    });
    await writeAudit(tx, ctx.actor, { entity: 'product', entityId: row.id, action: 'create', after: row });
    return row.id;
  });
  return getProduct(ctx, id);
}

export async function updateProduct(ctx: ServiceContext, id: number, input: Partial<ProductInput>) {
  const code = normalizeCode(input.code, 'code');
  const name = requiredText(input.name, 'name');
  await ctx.db.transaction(async (tx) => {
    const before = await lockProduct(tx, id);
    if (!before) throw new AppError(PlatformErrors.notFound);
    await assertProductCodeFree(tx, code, id);
    await assertCategory(tx, input.categoryId);
    const after = await updateProductRow(tx, id, {
      code,
      name,
      categoryId: input.categoryId,
      brand: blankToNull(input.brand),
      description: blankToNull(input.description),
      status: input.status,
    });
    await writeAudit(tx, ctx.actor, { entity: 'product', entityId: id, action: 'update', before, after });
  });
  return getProduct(ctx, id);
}

export async function deleteProduct(ctx: ServiceContext, id: number) {
  await ctx.db.transaction(async (tx) => {
    const before = await lockProduct(tx, id);
    if (!before) throw new AppError(PlatformErrors.notFound);
    if (!(await deleteUnlessReferenced(tx, (sp) => deleteProductRow(sp, id)))) throw new AppError(ProductErrors.productInUse);
    await writeAudit(tx, ctx.actor, { entity: 'product', entityId: id, action: 'delete', before });
  });
  return { ok: true };
}

async function assertSkuUnique(db: Executor, column: 'code' | 'barcode', value: string | null | undefined, exceptId?: number) {
  if (!value) return;
  const owner = await skuOwnerOf(db, column, value);
  if (owner !== null && owner !== exceptId) throw new AppError(ProductErrors.codeTaken, { field: column, code: value }, { field: column });
}

/** A case of more than one unit needs a name for the case, or quantities could not be shown as "3 箱 2 瓶". */
function assertPack(caseUnit: string | null, unitsPerCase: number) {
  if (unitsPerCase > 1 && !caseUnit) throw new AppError(ProductErrors.caseUnitMissing, { field: 'caseUnit' }, { field: 'caseUnit' });
}

export async function createSku(ctx: ServiceContext, productId: number, input: SkuInput) {
  const code = normalizeCode(input.code, 'code');
  const values = {
    code,
    productId,
    name: requiredText(input.name, 'name'),
    barcode: blankToNull(input.barcode) ?? null,
    baseUnit: requiredText(input.baseUnit, 'baseUnit'),
    caseUnit: blankToNull(input.caseUnit) ?? null,
    unitsPerCase: input.unitsPerCase ?? 1,
    tracksCodes: input.tracksCodes ?? false,
    status: input.status ?? ('draft' as const),
    minOrderQuantity: input.minOrderQuantity ?? null,
  };
  assertPack(values.caseUnit, values.unitsPerCase);
  return ctx.db.transaction(async (tx) => {
    if (!(await lockProduct(tx, productId))) throw new AppError(PlatformErrors.notFound);
    await assertSkuUnique(tx, 'code', code);
    await assertSkuUnique(tx, 'barcode', values.barcode);
    const row = await insertSku(tx, values);
    await writeAudit(tx, ctx.actor, { entity: 'sku', entityId: row.id, action: 'create', after: row });
    return row;
  });
}

export async function updateSku(ctx: ServiceContext, id: number, input: Partial<SkuInput>) {
  const code = normalizeCode(input.code, 'code');
  const name = requiredText(input.name, 'name');
  const baseUnit = requiredText(input.baseUnit, 'baseUnit');
  const barcode = blankToNull(input.barcode);
  const caseUnit = blankToNull(input.caseUnit);
  return ctx.db.transaction(async (tx) => {
    const before = await lockSku(tx, id);
    if (!before) throw new AppError(PlatformErrors.notFound);
    assertPack(caseUnit === undefined ? before.caseUnit : caseUnit, input.unitsPerCase ?? before.unitsPerCase);
    await assertSkuUnique(tx, 'code', code, id);
    await assertSkuUnique(tx, 'barcode', barcode, id);
    const after = await updateSkuRow(tx, id, {
      code,
      name,
      barcode,
      baseUnit,
      caseUnit,
      unitsPerCase: input.unitsPerCase,
      tracksCodes: input.tracksCodes,
      status: input.status,
      minOrderQuantity: input.minOrderQuantity,
    });
    await writeAudit(tx, ctx.actor, { entity: 'sku', entityId: id, action: 'update', before, after });
    return after;
  });
}

/** A SKU that was priced, ordered or stocked stays for history; discontinue it instead. */
export async function deleteSku(ctx: ServiceContext, id: number) {
  await ctx.db.transaction(async (tx) => {
    const before = await lockSku(tx, id);
    if (!before) throw new AppError(PlatformErrors.notFound);
    if (!(await deleteUnlessReferenced(tx, (sp) => deleteSkuRow(sp, id)))) throw new AppError(ProductErrors.skuInUse);
    await writeAudit(tx, ctx.actor, { entity: 'sku', entityId: id, action: 'delete', before });
  });
  return { ok: true };
}
