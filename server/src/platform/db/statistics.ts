import { getTableName, sql, type Table } from 'drizzle-orm';
import type { Db } from './database.js';

/**
 * Vacuums and gathers planner statistics. PGlite runs no autovacuum, so
 * without this it plans grouped and joined queries on guesses (empty-table
 * estimates) however much data there is, and its index-only scans visit the
 * table for every row because no page is marked all-visible; PostgreSQL's
 * autovacuum gets there too, but only some time after a bulk load. Call it
 * after migrations, the demo seed and large imports (naming just the tables
 * the import filled), outside any transaction: VACUUM cannot run inside one.
 */
export async function refreshStatistics(db: Db, tables: Table[] = []): Promise<void> {
  const names = tables.map((table) => `"${getTableName(table)}"`).join(', ');
  await db.execute(sql.raw(`VACUUM (ANALYZE) ${names}`));
}

/** Below this many new rows the existing statistics are close enough. */
export const bulkRowCount = 1000;
