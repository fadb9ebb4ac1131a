import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { selectRows } from '../../platform/db/raw.js';
import { departments, type LadderLevel, positions, users } from '../org/index.js';
import type { Person } from './approval.types.js';

export interface Requester extends Person {
  status: 'active' | 'left';
  positionId: number | null;
  departmentId: number | null;
  geographyId: number | null;
}

export interface SuperiorLevel {
  positionId: number;
  ladder: LadderLevel;
  holders: Person[];
}

export async function findRequester(db: Executor, userId: number): Promise<Requester | null> {
  const [row] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      status: users.status,
      positionId: users.positionId,
      departmentId: positions.departmentId,
      geographyId: users.geographyId,
    })
    .from(users)
    .leftJoin(positions, eq(positions.id, users.positionId))
    .where(eq(users.id, userId));
  return row ?? null;
}

/** The positions above one, nearest first, each with its active holders (vacant positions included, with none). */
export async function listSuperiorLevels(db: Executor, positionId: number): Promise<SuperiorLevel[]> {
  const rows = await selectRows<{
    position_id: string | number;
    ladder: LadderLevel;
    user_id: string | number | null;
    display_name: string | null;
  }>(
    db,
    // The depth cap only guards against a corrupted tree; position writes already refuse cycles.
    sql`WITH RECURSIVE chain AS (
        SELECT superior_id AS id, 1 AS depth FROM positions WHERE id = ${positionId} AND superior_id IS NOT NULL
        UNION ALL
        SELECT p.superior_id, c.depth + 1 FROM positions p JOIN chain c ON p.id = c.id
        WHERE p.superior_id IS NOT NULL AND c.depth < 64)
      SELECT p.id AS position_id, p.ladder, u.id AS user_id, u.display_name
      FROM chain c JOIN positions p ON p.id = c.id
      LEFT JOIN users u ON u.position_id = p.id AND u.status = 'active'
      ORDER BY c.depth, u.id`,
  );
  const levels: SuperiorLevel[] = [];
  for (const row of rows) {
    const positionId = Number(row.position_id);
    let level = levels.at(-1);
    if (level?.positionId !== positionId) {
      level = { positionId, ladder: row.ladder, holders: [] };
      levels.push(level);
    }
    if (row.user_id !== null && row.display_name !== null) level.holders.push({ id: Number(row.user_id), displayName: row.display_name });
  }
  return levels;
}

export function listPositionHolders(db: Executor, positionId: number): Promise<Person[]> {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.positionId, positionId), eq(users.status, 'active')))
    .orderBy(asc(users.id));
}

/** The active ones among the given users, in the given order. */
export async function listActiveUsers(db: Executor, ids: number[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.status, 'active')));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function findDepartmentHead(db: Executor, departmentId: number): Promise<Person | null> {
  const [row] = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(departments)
    .innerJoin(users, and(eq(users.id, departments.headUserId), eq(users.status, 'active')))
    .where(eq(departments.id, departmentId));
  return row ?? null;
}

/** For definition checks: which of these positions exist. */
export async function existingPositionIds(db: Executor, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: positions.id }).from(positions).where(inArray(positions.id, ids));
  return new Set(rows.map((row) => row.id));
}

/** For definition checks: the status of each of these users that exists. */
export async function userStatuses(db: Executor, ids: number[]): Promise<Map<number, 'active' | 'left'>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, status: users.status }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((row) => [row.id, row.status]));
}
