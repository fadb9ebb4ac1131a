import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { deleteUnlessReferenced, serializeTreeWrites } from '../../platform/db/tree.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { fenToYuan } from '../../platform/money.js';
import { shanghaiDate } from '../../platform/time.js';
import { geographyPath } from '../org/index.js';
import {
  deleteItem,
  deletePriceListRow,
  findItems,
  findOverlappingList,
  geographyExists,
  insertPriceList,
  listPriceListItems,
  listPriceLists,
  lockPriceList,
  type PriceListFilter,
  type PriceListRow,
  priceListCodeOwner,
  priceListNames,
  skuCodes,
  updatePriceListRow,
  upsertItems,
} from './price-list.repository.js';
import { resolvePrices } from './price-resolution.repository.js';
import { type PriceListStatus, priceAccountKinds } from './products.enums.js';
import { ProductErrors } from './products.errors.js';
import { blankToNull, normalizeCode, requiredText } from './products.rules.js';

type ReadContext = Pick<ServiceContext, 'db'>;
type Page = { limit: number; offset: number };
const entity = 'price_list';

export interface PriceListInput {
  code: string;
  name: string;
  accountKind?: string | null;
  geographyId?: number | null;
  validFrom: string;
  validTo?: string | null;
  priority?: number;
  status?: PriceListStatus;
  note?: string | null;
}

export interface PriceItemInput {
  skuId: number;
  unitPriceFen: number;
  floorPriceFen: number;
}

export function searchPriceLists(ctx: ReadContext, filter: PriceListFilter, page: Page) {
  return listPriceLists(ctx.db, { ...filter, keyword: filter.keyword?.trim() || undefined }, page);
}

export async function getPriceList(ctx: ReadContext, id: number) {
  const { items } = await listPriceLists(ctx.db, { id }, { limit: 1, offset: 0 });
  const [list] = items;
  if (!list) throw new AppError(PlatformErrors.notFound);
  return list;
}

export async function getPriceListItems(ctx: ReadContext, id: number, filter: { keyword?: string }, page: Page) {
  await getPriceList(ctx, id);
  return listPriceListItems(ctx.db, id, { keyword: filter.keyword?.trim() || undefined }, page);
}

function assertAccountKind(kind: string | null | undefined) {
  if (kind && !(priceAccountKinds as readonly string[]).includes(kind)) {
    throw new AppError(ProductErrors.accountKindUnknown, { field: 'accountKind', value: kind }, { field: 'accountKind' });
  }
}

async function assertListRefs(db: Executor, input: Partial<PriceListInput>, exceptId?: number) {
  if (input.code !== undefined) {
    const owner = await priceListCodeOwner(db, input.code);
    if (owner !== null && owner !== exceptId)
      throw new AppError(ProductErrors.codeTaken, { field: 'code', code: input.code }, { field: 'code' });
  }
  if (input.geographyId && !(await geographyExists(db, input.geographyId))) {
    throw new AppError(ProductErrors.referenceMissing, { field: 'geographyId' }, { field: 'geographyId' });
  }
}

/** PRD-2: two lists on equal terms must never both apply on one day, or the price an order gets would be arbitrary. */
async function assertNoOverlap(db: Executor, list: PriceListRow | (Omit<PriceListRow, 'id'> & { id?: number })) {
  if (list.status === 'archived') return;
  const other = await findOverlappingList(db, list);
  if (other) {
    throw new AppError(
      ProductErrors.priceListOverlap,
      { code: other.code, name: other.name, from: other.validFrom, to: other.validTo ?? '∞' },
      { field: 'validFrom', priceListId: other.id },
    );
  }
}

function assertValidity(validFrom: string, validTo: string | null) {
  if (validTo !== null && validTo < validFrom) throw new AppError(ProductErrors.validityRange, { field: 'validTo' }, { field: 'validTo' });
}

/** Price list writes are serialised so two overlapping lists saved at the same moment cannot both pass the check. */
const lockPriceListWrites = (db: Executor) => serializeTreeWrites(db, 'price_lists');

export async function createPriceList(ctx: ServiceContext, input: PriceListInput) {
  const code = normalizeCode(input.code, 'code');
  const name = requiredText(input.name, 'name');
  assertAccountKind(input.accountKind);
  const values = {
    code,
    name,
    accountKind: input.accountKind ?? null,
    geographyId: input.geographyId ?? null,
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
    priority: input.priority ?? 0,
    status: input.status ?? ('draft' as const),
    note: blankToNull(input.note) ?? null,
  };
  assertValidity(values.validFrom, values.validTo);
  const id = await ctx.db.transaction(async (tx) => {
    await lockPriceListWrites(tx);
    await assertListRefs(tx, values);
    await assertNoOverlap(tx, { ...values, createdAt: new Date(), updatedAt: new Date() });
    const row = await insertPriceList(tx, values);
    await writeAudit(tx, ctx.actor, { entity, entityId: row.id, action: 'create', after: row });
    return row.id;
  });
  return getPriceList(ctx, id);
}

export async function updatePriceList(ctx: ServiceContext, id: number, input: Partial<PriceListInput>) {
  const code = normalizeCode(input.code, 'code');
  const name = requiredText(input.name, 'name');
  assertAccountKind(input.accountKind);
  await ctx.db.transaction(async (tx) => {
    await lockPriceListWrites(tx);
    const before = await lockPriceList(tx, id);
    if (!before) throw new AppError(PlatformErrors.notFound);
    const changes = {
      code,
      name,
      accountKind: input.accountKind,
      geographyId: input.geographyId,
      validFrom: input.validFrom,
      validTo: input.validTo,
      priority: input.priority,
      status: input.status,
      note: blankToNull(input.note),
    };
    const merged = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as PriceListRow;
    assertValidity(merged.validFrom, merged.validTo);
    await assertListRefs(tx, { code, geographyId: input.geographyId }, id);
    await assertNoOverlap(tx, merged);
    const after = await updatePriceListRow(tx, id, changes);
    await writeAudit(tx, ctx.actor, { entity, entityId: id, action: 'update', before, after });
  });
  return getPriceList(ctx, id);
}

/** Only a list nothing refers to can go (orders keep the list their price came from); archive it otherwise. */
export async function deletePriceList(ctx: ServiceContext, id: number) {
  await ctx.db.transaction(async (tx) => {
    const before = await lockPriceList(tx, id);
    if (!before) throw new AppError(PlatformErrors.notFound);
    if (!(await deleteUnlessReferenced(tx, (sp) => deletePriceListRow(sp, id)))) throw new AppError(PlatformErrors.conflict);
    await writeAudit(tx, ctx.actor, { entity, entityId: id, action: 'delete', before });
  });
  return { ok: true };
}

/** PRD-2: sets many SKUs' prices on a list at once; every row is checked before any is written. */
export async function upsertPriceListItems(ctx: ServiceContext, id: number, items: PriceItemInput[]) {
  return ctx.db.transaction(async (tx) => {
    if (!(await lockPriceList(tx, id))) throw new AppError(PlatformErrors.notFound);
    const skuIds = items.map((i) => i.skuId);
    const codes = await skuCodes(tx, skuIds);
    const seen = new Set<number>();
    items.forEach((item, index) => {
      const field = `items.${index}`;
      const sku = codes.get(item.skuId);
      if (sku === undefined) throw new AppError(ProductErrors.referenceMissing, { field: `${field}.skuId` }, { field: `${field}.skuId` });
      if (seen.has(item.skuId)) throw new AppError(ProductErrors.duplicateItem, { sku }, { field: `${field}.skuId` });
      seen.add(item.skuId);
      if (item.floorPriceFen > item.unitPriceFen) {
        throw new AppError(
          ProductErrors.floorAbovePrice,
          { field, sku, floor: fenToYuan(item.floorPriceFen), price: fenToYuan(item.unitPriceFen) },
          { field: `${field}.floorPriceFen` },
        );
      }
    });
    const before = await findItems(tx, id, skuIds);
    const rows = items.map((i) => ({ priceListId: id, skuId: i.skuId, unitPriceFen: i.unitPriceFen, floorPriceFen: i.floorPriceFen }));
    await upsertItems(tx, rows);
    await writeAudit(tx, ctx.actor, { entity, entityId: id, action: 'items.upsert', before, after: rows });
    return { upserted: rows.length };
  });
}

export async function removePriceListItem(ctx: ServiceContext, id: number, skuId: number) {
  await ctx.db.transaction(async (tx) => {
    if (!(await lockPriceList(tx, id))) throw new AppError(PlatformErrors.notFound);
    const before = await deleteItem(tx, id, skuId);
    if (!before) throw new AppError(PlatformErrors.notFound);
    await writeAudit(tx, ctx.actor, { entity, entityId: id, action: 'items.remove', before });
  });
  return { ok: true };
}

export interface ResolveQuery {
  accountKind: string;
  geographyId?: number;
  date?: string;
  skuIds: number[];
}

/** PRD-2 for the order entry page: the price each SKU gets for an account of this kind and place on this day. */
export async function resolvePriceQuote(ctx: ReadContext, query: ResolveQuery) {
  assertAccountKind(query.accountKind);
  const onDate = query.date ?? shanghaiDate(new Date());
  const path = query.geographyId ? await geographyPath(ctx.db, query.geographyId) : [];
  if (query.geographyId && path.length === 0) {
    throw new AppError(ProductErrors.referenceMissing, { field: 'geographyId' }, { field: 'geographyId' });
  }
  const prices = await resolvePrices(ctx.db, { accountKind: query.accountKind, geographyPath: path, onDate, skuIds: query.skuIds });
  const names = await priceListNames(ctx.db, [...new Set([...prices.values()].map((p) => p.priceListId))]);
  return {
    date: onDate,
    items: [...prices.entries()].map(([skuId, price]) => ({
      skuId,
      ...price,
      priceListCode: names.get(price.priceListId)?.code ?? '',
      priceListName: names.get(price.priceListId)?.name ?? '',
    })),
  };
}
