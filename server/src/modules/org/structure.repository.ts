import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';

export type StructureTree = 'departments' | 'positions' | 'geographies';

/**
 * Serialises writes to one tree for the rest of the transaction. Two moves
 * checked for cycles at the same time could otherwise close a loop together
 * (A under B while B goes under A), and a delete could miss a child added
 * meanwhile. Hires do not take this lock: they race on the position row.
 */
export async function serializeTreeWrites(db: Executor, tree: StructureTree): Promise<void> {
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
