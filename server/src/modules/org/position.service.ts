import { isKnownPermission } from '../../platform/access/permissions.js';
import { hasPermission } from '../../platform/access/principal.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { serializeTreeWrites, wouldCreateCycle } from '../../platform/db/tree.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PlatformErrors } from '../../platform/errors/platform.errors.js';
import { findDepartmentRow } from './department.repository.js';
import { type DataScopeKind, defaultScopeByLadder, type LadderLevel } from './org.enums.js';
import { OrgErrors } from './org.errors.js';
import { departments, geographies } from './org.schema.js';
import {
  countSubordinates,
  deletePositionRow,
  findPosition,
  findPositionRow,
  insertPosition,
  listPositionPermissions,
  listPositions,
  missingIds,
  type PositionView,
  replacePositionPermissions,
  updatePositionRow,
} from './position.repository.js';
import { assertDeleted, assertUnused } from './structure.rules.js';
import { lockPositionWithOccupancy } from './user.repository.js';

export interface PositionInput {
  name: string;
  departmentId: number;
  superiorId?: number | null;
  ladder: LadderLevel;
  headcount: number;
  duties?: string;
  dataScope?: DataScopeKind;
  scopeDepartmentIds?: number[];
  scopeGeographyIds?: number[];
}

export type PositionPatch = Partial<PositionInput>;

function missing(field: string): AppError {
  return new AppError(OrgErrors.referenceMissing, { field }, { field });
}

/** ORG-2: every reference names an existing row, and the superior is not the position itself or one below it. */
async function assertReferences(db: Executor, input: PositionPatch, movingId?: number) {
  if (input.departmentId !== undefined && !(await findDepartmentRow(db, input.departmentId))) throw missing('departmentId');
  if (input.superiorId != null) {
    if (!(await findPositionRow(db, input.superiorId))) throw missing('superiorId');
    if (movingId !== undefined && (await wouldCreateCycle(db, 'positions', 'superior_id', movingId, input.superiorId))) {
      throw new AppError(OrgErrors.cycle, { field: 'superiorId' }, { field: 'superiorId' });
    }
  }
  if ((await missingIds(db, departments, input.scopeDepartmentIds ?? [])).length > 0) throw missing('scopeDepartmentIds');
  if ((await missingIds(db, geographies, input.scopeGeographyIds ?? [])).length > 0) throw missing('scopeGeographyIds');
}

export function getPositions(ctx: Pick<ServiceContext, 'db'>, filter: { departmentId?: number }): Promise<PositionView[]> {
  return listPositions(ctx.db, filter);
}

async function getPosition(ctx: Pick<ServiceContext, 'db'>, id: number): Promise<PositionView> {
  const position = await findPosition(ctx.db, id);
  if (!position) throw new AppError(PlatformErrors.notFound);
  return position;
}

/** Locks the position against concurrent hires and edits; a missing one answers 404. */
async function lockPosition(db: Executor, id: number) {
  const occupancy = await lockPositionWithOccupancy(db, id);
  if (!occupancy) throw new AppError(PlatformErrors.notFound);
  return occupancy;
}

export async function createPosition(ctx: ServiceContext, input: PositionInput): Promise<PositionView> {
  const id = await ctx.db.transaction(async (tx) => {
    await serializeTreeWrites(tx, 'positions');
    await assertReferences(tx, input);
    const created = await insertPosition(tx, { ...input, dataScope: input.dataScope ?? defaultScopeByLadder[input.ladder] });
    await writeAudit(tx, ctx.actor, { entity: 'position', entityId: created.id, action: 'create', after: created });
    return created.id;
  });
  return getPosition(ctx, id);
}

export async function updatePosition(ctx: ServiceContext, id: number, input: PositionPatch): Promise<PositionView> {
  await ctx.db.transaction(async (tx) => {
    await serializeTreeWrites(tx, 'positions');
    const { position: before, filled } = await lockPosition(tx, id);
    await assertReferences(tx, input, id);
    if (input.headcount !== undefined && input.headcount < filled) {
      throw new AppError(OrgErrors.headcountBelowFilled, { filled }, { field: 'headcount' });
    }
    const after = await updatePositionRow(tx, id, input);
    await writeAudit(tx, ctx.actor, { entity: 'position', entityId: id, action: 'update', before, after });
  });
  return getPosition(ctx, id);
}

export async function deletePosition(ctx: ServiceContext, id: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await serializeTreeWrites(tx, 'positions');
    const { position, filled } = await lockPosition(tx, id);
    assertUnused([
      { key: 'holders', count: filled, 'zh-CN': '在岗人员', en: 'holders' },
      { key: 'subordinates', count: await countSubordinates(tx, id), 'zh-CN': '下级岗位', en: 'subordinate positions' },
    ]);
    const permissions = await listPositionPermissions(tx, id);
    assertDeleted(await deletePositionRow(tx, id));
    await writeAudit(tx, ctx.actor, { entity: 'position', entityId: id, action: 'delete', before: { ...position, permissions } });
  });
}

/**
 * Replaces a position's grants. Only registered keys are accepted, and
 * someone who is not an administrator can grant or revoke only what they hold
 * themselves, so structure.manage cannot be used to escalate one's own rights.
 */
export async function setPositionPermissions(ctx: ServiceContext, id: number, permissions: string[]): Promise<PositionView> {
  permissions.forEach((permission, index) => {
    if (!isKnownPermission(permission)) throw new AppError(OrgErrors.unknownPermission, { permission }, { field: `permissions.${index}` });
  });
  const after = [...new Set(permissions)].sort();
  await ctx.db.transaction(async (tx) => {
    await lockPosition(tx, id);
    const before = await listPositionPermissions(tx, id);
    const changed = [...after.filter((p) => !before.includes(p)), ...before.filter((p) => !after.includes(p))];
    const notHeld = changed.find((p) => !hasPermission(ctx.principal, p));
    if (notHeld) throw new AppError(PlatformErrors.forbidden, { permission: notHeld }, { field: 'permissions', permission: notHeld });
    await replacePositionPermissions(tx, id, after);
    await writeAudit(tx, ctx.actor, {
      entity: 'position',
      entityId: id,
      action: 'permissions',
      before: { permissions: before },
      after: { permissions: after },
    });
  });
  return getPosition(ctx, id);
}
