import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { serializeTreeWrites, wouldCreateCycle } from '../../platform/db/tree.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import {
  countDepartmentDependents,
  type DepartmentView,
  deleteDepartmentRow,
  findDepartment,
  findDepartmentRow,
  insertDepartment,
  listDepartments,
  updateDepartmentRow,
} from './department.repository.js';
import { OrgErrors } from './org.errors.js';
import { assertActiveUser, assertDeleted, assertUnused } from './structure.rules.js';

export interface DepartmentInput {
  name: string;
  parentId?: number | null;
  headUserId?: number | null;
  sort?: number;
}

export type DepartmentPatch = Partial<DepartmentInput>;

/** ORG-1: the parent exists and, for a move, is neither the department itself nor one below it. */
async function assertParent(db: Executor, parentId: number | null | undefined, movingId?: number) {
  if (parentId == null) return;
  if (!(await findDepartmentRow(db, parentId)))
    throw new AppError(OrgErrors.referenceMissing, { field: 'parentId' }, { field: 'parentId' });
  if (movingId !== undefined && (await wouldCreateCycle(db, 'departments', 'parent_id', movingId, parentId))) {
    throw new AppError(OrgErrors.cycle, { field: 'parentId' }, { field: 'parentId' });
  }
}

export function getDepartments(ctx: Pick<ServiceContext, 'db'>): Promise<DepartmentView[]> {
  return listDepartments(ctx.db);
}

async function getDepartment(ctx: Pick<ServiceContext, 'db'>, id: number): Promise<DepartmentView> {
  const department = await findDepartment(ctx.db, id);
  if (!department) throw new AppError(PlatformErrors.notFound);
  return department;
}

export async function createDepartment(ctx: ServiceContext, input: DepartmentInput): Promise<DepartmentView> {
  const id = await ctx.db.transaction(async (tx) => {
    await serializeTreeWrites(tx, 'departments');
    await assertParent(tx, input.parentId);
    await assertActiveUser(tx, input.headUserId, 'headUserId');
    const created = await insertDepartment(tx, input);
    await writeAudit(tx, ctx.actor, { entity: 'department', entityId: created.id, action: 'create', after: created });
    return created.id;
  });
  return getDepartment(ctx, id);
}

export async function updateDepartment(ctx: ServiceContext, id: number, input: DepartmentPatch): Promise<DepartmentView> {
  await ctx.db.transaction(async (tx) => {
    await serializeTreeWrites(tx, 'departments');
    const before = await findDepartmentRow(tx, id);
    if (!before) throw new AppError(PlatformErrors.notFound);
    if (input.parentId !== undefined) await assertParent(tx, input.parentId, id);
    if (input.headUserId !== undefined && input.headUserId !== before.headUserId)
      await assertActiveUser(tx, input.headUserId, 'headUserId');
    const after = await updateDepartmentRow(tx, id, input);
    await writeAudit(tx, ctx.actor, { entity: 'department', entityId: id, action: 'update', before, after });
  });
  return getDepartment(ctx, id);
}

export async function deleteDepartment(ctx: ServiceContext, id: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await serializeTreeWrites(tx, 'departments');
    const before = await findDepartmentRow(tx, id);
    if (!before) throw new AppError(PlatformErrors.notFound);
    const dependents = await countDepartmentDependents(tx, id);
    assertUnused([
      { key: 'children', count: dependents.children, 'zh-CN': '下级部门', en: 'child departments' },
      { key: 'positions', count: dependents.positions, 'zh-CN': '岗位', en: 'positions' },
      { key: 'scopes', count: dependents.scopes, 'zh-CN': '岗位数据权限', en: 'position data scopes' },
    ]);
    assertDeleted(await deleteDepartmentRow(tx, id));
    await writeAudit(tx, ctx.actor, { entity: 'department', entityId: id, action: 'delete', before });
  });
}
