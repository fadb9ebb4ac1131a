import { and, asc, eq, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/database.js';
import { selectRows } from '../../platform/db/raw.js';
import { deleteUnlessReferenced } from '../../platform/db/tree.js';
import { geographies, positions, users } from './org.schema.js';

export type GeographyRow = typeof geographies.$inferSelect;
export type GeographyValues = Partial<Pick<GeographyRow, 'code' | 'name' | 'kind' | 'parentId' | 'ownerUserId' | 'provinces' | 'sort'>>;

const owner = alias(users, 'owner');

function selectGeographies(db: Executor, where?: SQL) {
  return db
    .select({
      id: geographies.id,
      code: geographies.code,
      name: geographies.name,
      kind: geographies.kind,
      parentId: geographies.parentId,
      ownerUserId: geographies.ownerUserId,
      ownerName: owner.displayName,
      provinces: geographies.provinces,
      sort: geographies.sort,
      userCount:
        sql<number>`(SELECT count(*) FROM ${users} WHERE ${users.geographyId} = ${geographies.id} AND ${users.status} = 'active')`.mapWith(
          Number,
        ),
    })
    .from(geographies)
    .leftJoin(owner, eq(owner.id, geographies.ownerUserId))
    .where(where)
    .orderBy(asc(geographies.sort), asc(geographies.id));
}

export type GeographyView = Awaited<ReturnType<typeof selectGeographies>>[number];

/** The whole geography, flat, in one query: markets, regions and territories with owners. */
export function listGeographies(db: Executor): Promise<GeographyView[]> {
  return selectGeographies(db);
}

export async function findGeography(db: Executor, id: number): Promise<GeographyView | null> {
  const [row] = await selectGeographies(db, eq(geographies.id, id));
  return row ?? null;
}

export async function findGeographyRow(db: Executor, id: number): Promise<GeographyRow | null> {
  const [row] = await db.select().from(geographies).where(eq(geographies.id, id));
  return row ?? null;
}

export async function geographyCodeTaken(db: Executor, code: string, exceptId?: number): Promise<boolean> {
  const [row] = await db
    .select({ id: geographies.id })
    .from(geographies)
    .where(and(eq(geographies.code, code), exceptId ? ne(geographies.id, exceptId) : undefined));
  return Boolean(row);
}

/** The distinct kinds directly below a geography, to keep the levels in order when its own kind changes. */
export async function childKinds(db: Executor, id: number): Promise<GeographyRow['kind'][]> {
  const rows = await db.selectDistinct({ kind: geographies.kind }).from(geographies).where(eq(geographies.parentId, id));
  return rows.map((row) => row.kind);
}

export async function insertGeography(
  db: Executor,
  values: GeographyValues & Pick<GeographyRow, 'code' | 'name' | 'kind'>,
): Promise<GeographyRow> {
  const [row] = await db.insert(geographies).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateGeographyRow(db: Executor, id: number, values: GeographyValues): Promise<GeographyRow> {
  const [row] = await db
    .update(geographies)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(geographies.id, id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

/** What keeps a geography from being deleted, counted in one query; users count whatever their status. */
export async function countGeographyDependents(db: Executor, id: number) {
  const [row] = await db
    .select({
      children: sql<number>`(SELECT count(*) FROM ${geographies} WHERE ${geographies.parentId} = ${id})`.mapWith(Number),
      users: sql<number>`(SELECT count(*) FROM ${users} WHERE ${users.geographyId} = ${id})`.mapWith(Number),
      scopes: sql<number>`(SELECT count(*) FROM ${positions} WHERE ${id} = ANY(${positions.scopeGeographyIds}))`.mapWith(Number),
    })
    .from(geographies)
    .where(eq(geographies.id, id));
  return row ?? { children: 0, users: 0, scopes: 0 };
}

export function deleteGeographyRow(db: Executor, id: number): Promise<boolean> {
  return deleteUnlessReferenced(db, (sp) => sp.delete(geographies).where(eq(geographies.id, id)));
}

/**
 * A geography and its ancestors, most specific first (territory, region,
 * market): the one order that price lists and default warehouses are ranked
 * by. Empty for no geography or an unknown id.
 */
export async function geographyPath(db: Executor, geographyId: number | null): Promise<number[]> {
  if (geographyId === null) return [];
  const rows = await selectRows<{ id: string | number }>(
    db,
    sql`WITH RECURSIVE up AS (
      SELECT id, parent_id, 0 AS depth FROM ${geographies} WHERE id = ${geographyId}
      UNION ALL SELECT g.id, g.parent_id, up.depth + 1 FROM ${geographies} g JOIN up ON g.id = up.parent_id WHERE up.depth < 20)
    SELECT id FROM up ORDER BY depth`,
  );
  return rows.map((row) => Number(row.id));
}
