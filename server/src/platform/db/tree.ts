import { sql } from 'drizzle-orm';
import type { Executor } from './database.js';
import { selectRows } from './raw.js';

/**
 * True when making `parentId` the parent of `id` would close a loop: the new
 * parent is the node itself or one of its descendants. Table and column names
 * come from code, never from input.
 */
export async function wouldCreateCycle(
  db: Executor,
  table: string,
  parentColumn: string,
  id: number,
  parentId: number | null,
): Promise<boolean> {
  if (parentId === null) return false;
  if (parentId === id) return true;
  const rows = await selectRows<{ found: boolean }>(
    db,
    sql`WITH RECURSIVE sub AS (
      SELECT id FROM ${sql.identifier(table)} WHERE id = ${id}
      UNION SELECT t.id FROM ${sql.identifier(table)} t JOIN sub ON t.${sql.identifier(parentColumn)} = sub.id)
    SELECT EXISTS (SELECT 1 FROM sub WHERE id = ${parentId}) AS found`,
  );
  return Boolean(rows[0]?.found);
}

/** Paging every list endpoint accepts (DESIGN rule 7), with the cap applied. */
export function pageOf(query: { limit?: number; offset?: number }, cap = 200): { limit: number; offset: number } {
  return { limit: Math.min(query.limit ?? 20, cap), offset: query.offset ?? 0 };
}
