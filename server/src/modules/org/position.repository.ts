import { and, asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/database.js';
import { deleteUnlessReferenced } from '../../platform/db/tree.js';
import { departments, type geographies, positionPermissions, positions, users } from './org.schema.js';

export type PositionRow = typeof positions.$inferSelect;
export type PositionValues = Partial<
  Pick<
    PositionRow,
    'name' | 'departmentId' | 'superiorId' | 'ladder' | 'headcount' | 'duties' | 'dataScope' | 'scopeDepartmentIds' | 'scopeGeographyIds'
  >
>;

export interface PositionFilter {
  id?: number;
  departmentId?: number;
}

export interface Holder {
  id: number;
  username: string;
  displayName: string;
}

const superior = alias(positions, 'superior');

function positionWhere(filter: PositionFilter): SQL | undefined {
  return and(
    filter.id ? eq(positions.id, filter.id) : undefined,
    filter.departmentId ? eq(positions.departmentId, filter.departmentId) : undefined,
  );
}

function selectPositions(db: Executor, where: SQL | undefined) {
  return db
    .select({
      id: positions.id,
      name: positions.name,
      departmentId: positions.departmentId,
      departmentName: departments.name,
      superiorId: positions.superiorId,
      superiorName: superior.name,
      ladder: positions.ladder,
      headcount: positions.headcount,
      duties: positions.duties,
      dataScope: positions.dataScope,
      scopeDepartmentIds: positions.scopeDepartmentIds,
      scopeGeographyIds: positions.scopeGeographyIds,
    })
    .from(positions)
    .innerJoin(departments, eq(departments.id, positions.departmentId))
    .leftJoin(superior, eq(superior.id, positions.superiorId))
    .where(where)
    .orderBy(asc(departments.sort), asc(departments.id), asc(positions.id));
}

export type PositionView = Awaited<ReturnType<typeof selectPositions>>[number] & {
  filled: number;
  holders: Holder[];
  permissions: string[];
};

function groupBy<T, V>(rows: T[], key: (row: T) => number | null, value: (row: T) => V): Map<number | null, V[]> {
  const groups = new Map<number | null, V[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(value(row));
    else groups.set(key(row), [value(row)]);
  }
  return groups;
}

/**
 * Positions with their active holders and permission grants: three queries
 * whatever the number of positions, joined here.
 */
export async function listPositions(db: Executor, filter: PositionFilter): Promise<PositionView[]> {
  const where = positionWhere(filter);
  // Sequential on purpose: the executor may be one transaction's connection, which runs one query at a time.
  const rows = await selectPositions(db, where);
  const holders = await db
    .select({ positionId: users.positionId, id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .innerJoin(positions, eq(positions.id, users.positionId))
    .where(and(eq(users.status, 'active'), where))
    .orderBy(asc(users.id));
  const grants = await db
    .select({ positionId: positionPermissions.positionId, permission: positionPermissions.permission })
    .from(positionPermissions)
    .innerJoin(positions, eq(positions.id, positionPermissions.positionId))
    .where(where)
    .orderBy(asc(positionPermissions.permission));
  const holdersOf = groupBy(
    holders,
    (h) => h.positionId,
    ({ id, username, displayName }) => ({ id, username, displayName }),
  );
  const grantsOf = groupBy(
    grants,
    (g) => g.positionId,
    (g) => g.permission,
  );
  return rows.map((row) => {
    const held = holdersOf.get(row.id) ?? [];
    return { ...row, filled: held.length, holders: held, permissions: grantsOf.get(row.id) ?? [] };
  });
}

export async function findPosition(db: Executor, id: number): Promise<PositionView | null> {
  const [row] = await listPositions(db, { id });
  return row ?? null;
}

export async function findPositionRow(db: Executor, id: number): Promise<PositionRow | null> {
  const [row] = await db.select().from(positions).where(eq(positions.id, id));
  return row ?? null;
}

/** Which of the given ids name no row of the table (for the custom data-scope lists). */
export async function missingIds(db: Executor, table: typeof departments | typeof geographies, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = await db.select({ id: table.id }).from(table).where(inArray(table.id, ids));
  const existing = new Set(found.map((row) => row.id));
  return ids.filter((id) => !existing.has(id));
}

export async function insertPosition(
  db: Executor,
  values: PositionValues & Pick<PositionRow, 'name' | 'departmentId' | 'ladder' | 'dataScope'>,
): Promise<PositionRow> {
  const [row] = await db.insert(positions).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updatePositionRow(db: Executor, id: number, values: PositionValues): Promise<PositionRow> {
  const [row] = await db
    .update(positions)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(positions.id, id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

/** Positions reporting directly to this one: a position with subordinates cannot be deleted. */
export async function countSubordinates(db: Executor, id: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(positions).where(eq(positions.superiorId, id));
  return row?.n ?? 0;
}

export function deletePositionRow(db: Executor, id: number): Promise<boolean> {
  return deleteUnlessReferenced(db, (sp) => sp.delete(positions).where(eq(positions.id, id)));
}

export async function listPositionPermissions(db: Executor, positionId: number): Promise<string[]> {
  const rows = await db
    .select({ permission: positionPermissions.permission })
    .from(positionPermissions)
    .where(eq(positionPermissions.positionId, positionId))
    .orderBy(asc(positionPermissions.permission));
  return rows.map((row) => row.permission);
}

export async function replacePositionPermissions(db: Executor, positionId: number, permissions: string[]): Promise<void> {
  await db.delete(positionPermissions).where(eq(positionPermissions.positionId, positionId));
  if (permissions.length > 0) await db.insert(positionPermissions).values(permissions.map((permission) => ({ positionId, permission })));
}
