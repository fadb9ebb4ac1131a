import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { DataScope } from '../../platform/access/principal.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Executor } from '../../platform/db/database.js';
import type { UserStatus } from './org.enums.js';
import { departments, geographies, positions, users } from './org.schema.js';

export const userView = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  mobile: users.mobile,
  email: users.email,
  status: users.status,
  isAdmin: users.isAdmin,
  locale: users.locale,
  positionId: users.positionId,
  positionName: positions.name,
  ladder: positions.ladder,
  departmentId: positions.departmentId,
  departmentName: departments.name,
  geographyId: users.geographyId,
  geographyName: geographies.name,
  createdAt: users.createdAt,
  leftAt: users.leftAt,
};

export interface UserFilter {
  q?: string;
  status?: UserStatus;
  departmentId?: number;
  positionId?: number;
  geographyId?: number;
}

export const userSortColumns = { username: users.username, displayName: users.displayName, createdAt: users.createdAt } as const;
export type UserSort = keyof typeof userSortColumns;

function selectUsers(db: Executor) {
  return db
    .select(userView)
    .from(users)
    .leftJoin(positions, eq(positions.id, users.positionId))
    .leftJoin(departments, eq(departments.id, positions.departmentId))
    .leftJoin(geographies, eq(geographies.id, users.geographyId));
}

export type UserView = Awaited<ReturnType<typeof selectUsers>>[number];

const userScopeColumns = { owner: users.id, geography: users.geographyId };

function filterConditions(scope: DataScope, filter: UserFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [scopeCondition(scope, userScopeColumns)];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`;
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern), ilike(users.mobile, pattern)));
  }
  if (filter.status) conditions.push(eq(users.status, filter.status));
  if (filter.positionId) conditions.push(eq(users.positionId, filter.positionId));
  if (filter.departmentId) conditions.push(eq(positions.departmentId, filter.departmentId));
  if (filter.geographyId) conditions.push(eq(users.geographyId, filter.geographyId));
  return and(...conditions);
}

export async function listUsers(
  db: Executor,
  scope: DataScope,
  filter: UserFilter,
  page: { limit: number; offset: number; sort: UserSort; order: 'asc' | 'desc' },
): Promise<{ items: UserView[]; total: number }> {
  const where = filterConditions(scope, filter);
  const direction = page.order === 'desc' ? desc : asc;
  const items = await selectUsers(db)
    .where(where)
    .orderBy(direction(userSortColumns[page.sort]), asc(users.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(users).leftJoin(positions, eq(positions.id, users.positionId)).where(where);
  return { items, total: total?.n ?? 0 };
}

/** One user, or null when missing or outside the scope (the caller answers 404 either way). */
export async function findUser(db: Executor, scope: DataScope, id: number): Promise<UserView | null> {
  const [row] = await selectUsers(db).where(and(eq(users.id, id), scopeCondition(scope, userScopeColumns)));
  return row ?? null;
}

export async function findUserRow(db: Executor, id: number) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function findUserByLogin(db: Executor, login: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(or(sql`lower(${users.username}) = ${login.toLowerCase()}`, eq(users.mobile, login)));
  return row ?? null;
}

export async function usernameOrMobileTaken(
  db: Executor,
  username: string | undefined,
  mobile: string | null | undefined,
  exceptId?: number,
) {
  const checks: { username: boolean; mobile: boolean } = { username: false, mobile: false };
  if (username) {
    const [row] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${username.toLowerCase()}`);
    checks.username = Boolean(row && row.id !== exceptId);
  }
  if (mobile) {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.mobile, mobile));
    checks.mobile = Boolean(row && row.id !== exceptId);
  }
  return checks;
}

/** Locks the position row so that concurrent hires into it are counted one after another. */
export async function lockPositionWithOccupancy(db: Executor, positionId: number) {
  const [position] = await db.select().from(positions).where(eq(positions.id, positionId)).for('update');
  if (!position) return null;
  const [filled] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.positionId, positionId), eq(users.status, 'active')));
  return { position, filled: filled?.n ?? 0 };
}
