import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { serializeTreeWrites, wouldCreateCycle } from '../../platform/db/tree.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import {
  childKinds,
  countGeographyDependents,
  deleteGeographyRow,
  findGeography,
  findGeographyRow,
  type GeographyView,
  geographyCodeTaken,
  insertGeography,
  listGeographies,
  updateGeographyRow,
} from './geography.repository.js';
import type { GeographyKind } from './org.enums.js';
import { OrgErrors } from './org.errors.js';
import { assertActiveUser, assertDeleted, assertUnused } from './structure.rules.js';

export interface GeographyInput {
  code: string;
  name: string;
  kind: GeographyKind;
  parentId?: number | null;
  ownerUserId?: number | null;
  provinces?: string[];
  sort?: number;
}

export type GeographyPatch = Partial<GeographyInput>;

/** ORG-3: market (top) → region → territory; the kind each level must sit under. */
const parentKindOf: Record<GeographyKind, GeographyKind | null> = { market: null, region: 'market', territory: 'region' };
const childKindOf: Record<GeographyKind, GeographyKind | null> = { market: 'region', region: 'territory', territory: null };

function kindOrderError(kind: string, parentKind: string | null, field: string): AppError {
  return new AppError(OrgErrors.geographyKindOrder, { kind, parentKind: parentKind ?? '—' }, { field });
}

async function assertCodeFree(db: Executor, code: string, exceptId?: number) {
  if (await geographyCodeTaken(db, code, exceptId)) throw new AppError(OrgErrors.codeTaken, { code }, { field: 'code' });
}

/** The parent exists, is not the node or one below it, and has the kind right above the node's. */
async function assertPlacement(db: Executor, kind: GeographyKind, parentId: number | null, movingId?: number) {
  const parent = parentId === null ? null : await findGeographyRow(db, parentId);
  if (parentId !== null && !parent) throw new AppError(OrgErrors.referenceMissing, { field: 'parentId' }, { field: 'parentId' });
  if (movingId !== undefined && (await wouldCreateCycle(db, 'geographies', 'parent_id', movingId, parentId))) {
    throw new AppError(OrgErrors.cycle, { field: 'parentId' }, { field: 'parentId' });
  }
  if (parentKindOf[kind] !== (parent?.kind ?? null)) throw kindOrderError(kind, parent?.kind ?? null, 'parentId');
}

/** A node changing kind keeps its children one level below it. */
async function assertChildrenFit(db: Executor, id: number, kind: GeographyKind) {
  const misplaced = (await childKinds(db, id)).find((child) => child !== childKindOf[kind]);
  if (misplaced) throw kindOrderError(misplaced, kind, 'kind');
}

export function getGeographies(ctx: Pick<ServiceContext, 'db'>): Promise<GeographyView[]> {
  return listGeographies(ctx.db);
}

async function getGeography(ctx: Pick<ServiceContext, 'db'>, id: number): Promise<GeographyView> {
  const geography = await findGeography(ctx.db, id);
  if (!geography) throw new AppError(PlatformErrors.notFound);
  return geography;
}

export async function createGeography(ctx: ServiceContext, input: GeographyInput): Promise<GeographyView> {
  const id = await ctx.db.transaction(async (tx) => {
    await serializeTreeWrites(tx, 'geographies');
    await assertCodeFree(tx, input.code);
    await assertPlacement(tx, input.kind, input.parentId ?? null);
    await assertActiveUser(tx, input.ownerUserId, 'ownerUserId');
    const created = await insertGeography(tx, input);
    await writeAudit(tx, ctx.actor, { entity: 'geography', entityId: created.id, action: 'create', after: created });
    return created.id;
  });
  return getGeography(ctx, id);
}

export async function updateGeography(ctx: ServiceContext, id: number, input: GeographyPatch): Promise<GeographyView> {
  await ctx.db.transaction(async (tx) => {
    await serializeTreeWrites(tx, 'geographies');
    const before = await findGeographyRow(tx, id);
    if (!before) throw new AppError(PlatformErrors.notFound);
    if (input.code !== undefined && input.code !== before.code) await assertCodeFree(tx, input.code, id);
    const kind = input.kind ?? before.kind;
    if (input.parentId !== undefined || input.kind !== undefined) {
      await assertPlacement(tx, kind, input.parentId === undefined ? before.parentId : input.parentId, id);
    }
    if (kind !== before.kind) await assertChildrenFit(tx, id, kind);
    if (input.ownerUserId !== undefined && input.ownerUserId !== before.ownerUserId) {
      await assertActiveUser(tx, input.ownerUserId, 'ownerUserId');
    }
    const after = await updateGeographyRow(tx, id, input);
    // Ownership decides the geography data scope of market managers and directors (ORG-4): named so it can be filtered.
    const action = after.ownerUserId !== before.ownerUserId ? 'update-owner' : 'update';
    await writeAudit(tx, ctx.actor, { entity: 'geography', entityId: id, action, before, after });
  });
  return getGeography(ctx, id);
}

export async function deleteGeography(ctx: ServiceContext, id: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await serializeTreeWrites(tx, 'geographies');
    const before = await findGeographyRow(tx, id);
    if (!before) throw new AppError(PlatformErrors.notFound);
    const dependents = await countGeographyDependents(tx, id);
    assertUnused([
      { key: 'children', count: dependents.children, 'zh-CN': '下级区域', en: 'child areas' },
      { key: 'users', count: dependents.users, 'zh-CN': '人员', en: 'people' },
      { key: 'scopes', count: dependents.scopes, 'zh-CN': '岗位数据权限', en: 'position data scopes' },
    ]);
    assertDeleted(await deleteGeographyRow(tx, id));
    await writeAudit(tx, ctx.actor, { entity: 'geography', entityId: id, action: 'delete', before });
  });
}
