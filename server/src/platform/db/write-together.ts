import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from './database.js';

/**
 * Independent INSERTs sent as one statement (a data-modifying WITH): one
 * round trip instead of one each. They must not read each other's rows, as
 * every part of the statement sees the database as it was before it.
 */
export async function writeTogether(db: Executor, writes: (SQL | null)[]): Promise<void> {
  const parts = writes.filter((write): write is SQL => write !== null);
  const last = parts.pop();
  if (!last) return;
  const before = parts.map((part, index) => sql`${sql.raw(`w${index}`)} AS (${part})`);
  await db.execute(before.length > 0 ? sql`WITH ${sql.join(before, sql`, `)} ${last}` : last);
}
