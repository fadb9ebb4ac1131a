import { getTableName, sql, type Table } from 'drizzle-orm';
import type { Executor } from './database.js';

/**
 * Gathers planner statistics for every table. PGlite runs no autovacuum, so
 * without this it plans grouped and joined queries on guesses (empty-table
 * estimates) however much data there is; PostgreSQL's autovacuum gets there
 * too, but only some time after a bulk load. Call it after migrations, the
 * demo seed and large imports (naming just the tables the import filled),
 * once the writing transaction has committed.
 */
export async function refreshStatistics(db: Executor, tables: Table[] = []): Promise<void> {
  if (tables.length === 0) {
    await db.execute(sql`ANALYZE`);
    return;
  }
  await db.execute(sql.raw(`ANALYZE ${tables.map((table) => `"${getTableName(table)}"`).join(', ')}`));
}

/** Below this many new rows the existing statistics are close enough. */
export const bulkRowCount = 1000;
