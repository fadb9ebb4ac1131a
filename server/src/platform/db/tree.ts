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

/**
 * Serialises writes to one tree for the rest of the transaction. Two moves
 * checked for cycles at the same time could otherwise close a loop together
 * (A under B while B goes under A), and a delete could miss a child added
 * meanwhile. Hires do not take this lock: they race on the position row.
 */
export async function serializeTreeWrites(db: Executor, tree: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`salesos.tree.${tree}`}))`);
}

function isForeignKeyViolation(error: unknown): boolean {
  const code = (e: unknown) => (e && typeof e === 'object' && 'code' in e ? (e as { code: unknown }).code : undefined);
  return code(error) === '23503' || code((error as { cause?: unknown })?.cause) === '23503';
}

/**
 * Runs a delete in a savepoint and answers false when another table still
 * points at the row (history, policies, modules added later), so the caller
 * refuses instead of failing the whole transaction.
 */
export async function deleteUnlessReferenced(db: Executor, remove: (sp: Executor) => Promise<unknown>): Promise<boolean> {
  try {
    await db.transaction(async (sp) => {
      await remove(sp);
    });
    return true;
  } catch (error) {
    if (isForeignKeyViolation(error)) return false;
    throw error;
  }
}
