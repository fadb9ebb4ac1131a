import { asc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/database.js';
import { deleteUnlessReferenced } from '../../platform/db/tree.js';
import { departments, positions, users } from './org.schema.js';

export type DepartmentRow = typeof departments.$inferSelect;
export type DepartmentValues = Partial<Pick<DepartmentRow, 'name' | 'parentId' | 'headUserId' | 'sort'>>;

const head = alias(users, 'head');

function selectDepartments(db: Executor, where?: SQL) {
  return db
    .select({
      id: departments.id,
      name: departments.name,
      parentId: departments.parentId,
      headUserId: departments.headUserId,
      headName: head.displayName,
      sort: departments.sort,
      positionCount: sql<number>`(SELECT count(*) FROM ${positions} WHERE ${positions.departmentId} = ${departments.id})`.mapWith(Number),
      // Holders of the department's own positions; sub-departments count for themselves.
      userCount: sql<number>`(SELECT count(*) FROM ${users} JOIN ${positions} ON ${positions.id} = ${users.positionId}
        WHERE ${positions.departmentId} = ${departments.id} AND ${users.status} = 'active')`.mapWith(Number),
    })
    .from(departments)
    .leftJoin(head, eq(head.id, departments.headUserId))
    .where(where)
    .orderBy(asc(departments.sort), asc(departments.id));
}

export type DepartmentView = Awaited<ReturnType<typeof selectDepartments>>[number];

/** The whole tree, flat, in one query: the org chart draws it client-side. */
export function listDepartments(db: Executor): Promise<DepartmentView[]> {
  return selectDepartments(db);
}

export async function findDepartment(db: Executor, id: number): Promise<DepartmentView | null> {
  const [row] = await selectDepartments(db, eq(departments.id, id));
  return row ?? null;
}

export async function findDepartmentRow(db: Executor, id: number): Promise<DepartmentRow | null> {
  const [row] = await db.select().from(departments).where(eq(departments.id, id));
  return row ?? null;
}

export async function insertDepartment(db: Executor, values: DepartmentValues & { name: string }): Promise<DepartmentRow> {
  const [row] = await db.insert(departments).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateDepartmentRow(db: Executor, id: number, values: DepartmentValues): Promise<DepartmentRow> {
  const [row] = await db
    .update(departments)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(departments.id, id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

/** What keeps a department from being deleted, counted in one query. */
export async function countDepartmentDependents(db: Executor, id: number) {
  const [row] = await db
    .select({
      children: sql<number>`(SELECT count(*) FROM ${departments} WHERE ${departments.parentId} = ${id})`.mapWith(Number),
      positions: sql<number>`(SELECT count(*) FROM ${positions} WHERE ${positions.departmentId} = ${id})`.mapWith(Number),
      scopes: sql<number>`(SELECT count(*) FROM ${positions} WHERE ${id} = ANY(${positions.scopeDepartmentIds}))`.mapWith(Number),
    })
    .from(departments)
    .where(eq(departments.id, id));
  return row ?? { children: 0, positions: 0, scopes: 0 };
}

export function deleteDepartmentRow(db: Executor, id: number): Promise<boolean> {
  return deleteUnlessReferenced(db, (sp) => sp.delete(departments).where(eq(departments.id, id)));
}
