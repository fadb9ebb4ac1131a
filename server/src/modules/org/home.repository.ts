import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/database.js';
import { selectRows } from '../../platform/db/raw.js';
import type { LadderLevel } from './org.enums.js';
import { departments, geographies, positions, users } from './org.schema.js';

interface PositionWithHolders {
  positionId: number;
  positionName: string;
  ladder: LadderLevel;
  users: { id: number; displayName: string }[];
}

/** Folds (position, holder) rows, already in order, into one entry per position. */
function groupHolders(
  rows: { positionId: number; positionName: string; ladder: LadderLevel; userId: number | null; displayName: string | null }[],
): PositionWithHolders[] {
  const byPosition = new Map<number, PositionWithHolders>();
  for (const row of rows) {
    let entry = byPosition.get(row.positionId);
    if (!entry) {
      entry = { positionId: row.positionId, positionName: row.positionName, ladder: row.ladder, users: [] };
      byPosition.set(row.positionId, entry);
    }
    if (row.userId !== null && row.displayName !== null) entry.users.push({ id: row.userId, displayName: row.displayName });
  }
  return [...byPosition.values()];
}

export async function findPositionCard(db: Executor, positionId: number) {
  const [row] = await db
    .select({
      id: positions.id,
      name: positions.name,
      ladder: positions.ladder,
      departmentName: departments.name,
      duties: positions.duties,
    })
    .from(positions)
    .innerJoin(departments, eq(departments.id, positions.departmentId))
    .where(eq(positions.id, positionId));
  return row ?? null;
}

/** The reporting line above a position, nearest first, with the active holders of each superior position. */
export async function listSuperiors(db: Executor, positionId: number): Promise<PositionWithHolders[]> {
  const rows = await selectRows<{
    position_id: string | number;
    position_name: string;
    ladder: LadderLevel;
    user_id: string | number | null;
    display_name: string | null;
  }>(
    db,
    // The depth cap only guards against a corrupted tree; writes already refuse cycles.
    sql`WITH RECURSIVE chain AS (
        SELECT superior_id AS id, 1 AS depth FROM positions WHERE id = ${positionId} AND superior_id IS NOT NULL
        UNION ALL
        SELECT p.superior_id, c.depth + 1 FROM positions p JOIN chain c ON p.id = c.id
        WHERE p.superior_id IS NOT NULL AND c.depth < 64)
      SELECT p.id AS position_id, p.name AS position_name, p.ladder, u.id AS user_id, u.display_name
      FROM chain c JOIN positions p ON p.id = c.id
      LEFT JOIN users u ON u.position_id = p.id AND u.status = 'active'
      ORDER BY c.depth, u.id`,
  );
  return groupHolders(
    rows.map((r) => ({
      positionId: Number(r.position_id),
      positionName: r.position_name,
      ladder: r.ladder,
      userId: r.user_id === null ? null : Number(r.user_id),
      displayName: r.display_name,
    })),
  );
}

/** Positions reporting directly to the given one, with their active holders. */
export async function listDirectReports(db: Executor, positionId: number): Promise<PositionWithHolders[]> {
  const rows = await db
    .select({
      positionId: positions.id,
      positionName: positions.name,
      ladder: positions.ladder,
      userId: users.id,
      displayName: users.displayName,
    })
    .from(positions)
    .leftJoin(users, and(eq(users.positionId, positions.id), eq(users.status, 'active')))
    .where(eq(positions.superiorId, positionId))
    .orderBy(asc(positions.id), asc(users.id));
  return groupHolders(rows);
}

const parentGeography = alias(geographies, 'parent_geography');

export async function findGeographyCard(db: Executor, geographyId: number) {
  const [row] = await db
    .select({ id: geographies.id, name: geographies.name, kind: geographies.kind, parentName: parentGeography.name })
    .from(geographies)
    .leftJoin(parentGeography, eq(parentGeography.id, geographies.parentId))
    .where(eq(geographies.id, geographyId));
  return row ?? null;
}

export function listOwnedGeographies(db: Executor, userId: number) {
  return db
    .select({ id: geographies.id, name: geographies.name, kind: geographies.kind })
    .from(geographies)
    .where(eq(geographies.ownerUserId, userId))
    .orderBy(asc(geographies.sort), asc(geographies.id));
}
