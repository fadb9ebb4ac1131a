import type { SQL } from 'drizzle-orm';
import type { Executor } from './database.js';

/**
 * Runs hand-written SQL (recursive tree queries the query builder cannot
 * express) and returns its rows; both drivers answer with `{ rows }`.
 */
export async function selectRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
